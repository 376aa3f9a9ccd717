import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import { HOME_BY_ROLE } from "@/server/schemas/account";

/** The front door: each role to its home, everyone else to sign in. */
export default async function IndexPage() {
  const user = await getSessionUser();
  redirect(user ? HOME_BY_ROLE[user.role] : "/signin");
}
