import Link from "next/link";
import type { SessionUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/request/display";
import { cn } from "@/components/ui/cn";
import { NAV_BY_ROLE } from "./nav";
import { HeaderMenu } from "./HeaderMenu";
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
 * Phones and tablets: one row — the name and a Menu button holding the rest (HeaderMenu), with the
 * top-right corner left free for the fixed Quick exit button. From the lg breakpoint: one full row.
 */
export async function AppHeader({ user, reserveQuickExitSpace = false }: AppHeaderProps) {
  const items = user ? NAV_BY_ROLE[user.role] : [];
  const { attributes } = await getRequestDisplay();
  const theme = <ThemeToggle variant="select" initialTheme={attributes["data-theme"]} saveToAccount={Boolean(user)} />;
  return (
    <header className="relative border-b border-border bg-surface print:hidden">
      <div
        className={cn(
          "mx-auto flex max-w-6xl items-center gap-x-3 px-4 py-2 lg:gap-x-6 lg:py-3",
          // Quick exit is about 8rem wide at the top right: keep the row clear of it (fits 320 px).
          reserveQuickExitSpace && "pr-[8.5rem] sm:pr-40",
        )}
      >
        <div className="flex min-h-11 shrink-0 items-center">
          <Link href="/" className="text-lg font-semibold tracking-tight text-ink no-underline">
            Haven
          </Link>
        </div>
        {user ? (
          <HeaderMenu>
            <nav aria-label="Main" className="lg:-mx-3">
              <NavLinks items={items} />
            </nav>
            <div className="flex flex-wrap items-center gap-3 border-t border-border-subtle pt-4 text-sm lg:ml-auto lg:flex-nowrap lg:border-0 lg:pt-0">
              <Link
                href="/account"
                className="inline-flex min-h-11 min-w-0 items-center text-muted underline-offset-4 hover:underline max-lg:basis-full lg:block lg:max-w-48 lg:truncate lg:py-2.5"
              >
                <span className="sr-only">Your account: </span>
                {user.name}
              </Link>
              {theme}
              <SignOutButton />
            </div>
          </HeaderMenu>
        ) : (
          <div className="ml-auto">{theme}</div>
        )}
      </div>
    </header>
  );
}
