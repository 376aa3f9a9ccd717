import Link from "next/link";
import type { SessionUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/display-preferences";
import { NAV_BY_ROLE } from "./nav";
import { NavLinks } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";
import { ThemeToggle } from "./ThemeToggle";

/** The calm top bar: Haven's name, the role's areas, the account and sign-out. */
export async function AppHeader({ user }: { user: SessionUser | null }) {
  const items = user ? NAV_BY_ROLE[user.role] : [];
  const { attributes } = await getRequestDisplay();
  const theme = <ThemeToggle variant="select" initialTheme={attributes["data-theme"]} saveToAccount={Boolean(user)} />;
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 pr-36 sm:pr-40">
        <Link href="/" className="text-lg font-semibold tracking-tight text-ink no-underline">
          Haven
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
              <NavLinks items={items} />
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <Link href="/account" className="text-muted underline-offset-4 hover:underline">
                <span className="sr-only">Your account: </span>
                {user.name}
              </Link>
              {theme}
              <SignOutButton />
            </div>
          </>
        ) : (
          <div className="ml-auto">{theme}</div>
        )}
      </div>
    </header>
  );
}
