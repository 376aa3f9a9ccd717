import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";

export default async function ClientHomePage() {
  const user = await requireUser("CLIENT");
  return <PageHeader title="My readings" description={`Hello ${user.name.split(" ")[0]}. Take these at your own pace.`} />;
}
