import Link from "next/link";
import type { SessionUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/request-display";
import { cn } from "@/components/ui/cn";
import { NAV_BY_ROLE } from "./nav";
import { NavLinks } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";
import { ThemeToggle } from "./ThemeToggle";

export interface AppHeaderProps {
  user: SessionUser | null;
  /** Keep the top-right corner free for the fixed Quick exit button. */
  reserveQuickExitSpace?: boolean;
}

/**
 * The calm top bar: Haven's name, the role's areas, the account, the theme and sign-out.
 * Phones: name, then the areas, then the account row; from the sm breakpoint one line.
 */
export async function AppHeader({ user, reserveQuickExitSpace = false }: AppHeaderProps) {
  const items = user ? NAV_BY_ROLE[user.role] : [];
  const { attributes } = await getRequestDisplay();
  const theme = <ThemeToggle variant="select" initialTheme={attributes["data-theme"]} saveToAccount={Boolean(user)} />;
  return (
    <header className="border-b border-border bg-surface">
      <div
        className={cn(
          "mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:py-3",
          reserveQuickExitSpace && "sm:pr-40",
        )}
      >
        <div className={cn("flex min-h-11 items-center", user ? "w-full sm:w-auto" : "", reserveQuickExitSpace && "pr-36 sm:pr-0")}>
          <Link href="/" className="text-lg font-semibold tracking-tight text-ink no-underline">
            Haven
          </Link>
        </div>
        {user ? (
          <>
            <nav aria-label="Main" className="-mx-3 w-full sm:mx-0 sm:w-auto">
              <NavLinks items={items} />
            </nav>
            <div className="flex w-full items-center gap-3 text-sm sm:ml-auto sm:w-auto">
              <Link
                href="/account"
                className="block min-w-0 truncate py-2.5 text-muted underline-offset-4 hover:underline max-sm:mr-auto sm:max-w-48"
              >
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
