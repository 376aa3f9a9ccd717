import type { Page } from "@playwright/test";

export type ShotRole = "signed-out" | "therapist" | "client" | "admin";

export interface Shot {
  role: ShotRole;
  /** File name part: tests/screenshots/gallery/<name>-<width>-<scheme>.png */
  name: string;
  /** A path, or a function that finds one through the UI (so a reused server works too). */
  path: string | ((page: Page) => Promise<string | null>);
  /** Whole page instead of the first screen: only for a few pages, to keep the folder small. */
  fullPage?: boolean;
  /** Something to do before the capture (open a dialog…). */
  prepare?: (page: Page) => Promise<void>;
}

export const DEMO_EMAILS: Record<Exclude<ShotRole, "signed-out">, string> = {
  therapist: "therapist@haven.test",
  client: "client@haven.test",
  admin: "admin@haven.test",
};

/** The first link on `listPath` whose href starts with `prefix`. */
function firstLink(listPath: string, prefix: string) {
  return async (page: Page) => {
    await page.goto(listPath);
    const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href", { timeout: 5_000 }).catch(() => null);
    return href;
  };
}

/** The main pages of each role. A page whose link cannot be found (no data) is skipped with a note. */
export const SHOTS: Shot[] = [
  { role: "signed-out", name: "signin", path: "/signin" },
  { role: "therapist", name: "therapist-home", path: "/therapist" },
  { role: "therapist", name: "therapist-clients", path: "/therapist/clients" },
  { role: "therapist", name: "therapist-client-detail", path: firstLink("/therapist/clients", "/therapist/clients/") },
  { role: "therapist", name: "therapist-library", path: "/therapist/library" },
  { role: "therapist", name: "therapist-resource", path: "/therapist/library/understanding-anxious-attachment" },
  { role: "therapist", name: "therapist-collections", path: "/therapist/collections" },
  { role: "client", name: "client-readings", path: "/client", fullPage: true },
  { role: "client", name: "client-content-note", path: firstLink("/client", "/client/readings/") },
  {
    role: "client",
    name: "client-reading",
    path: firstLink("/client", "/client/readings/"),
    // Past the content note, when the reading has one.
    prepare: async (page) => {
      const readNow = page.getByRole("button", { name: "Read now" }).or(page.getByRole("link", { name: "Read now" }));
      if ((await readNow.count()) > 0) {
        await readNow.first().click();
        await page.locator("article").first().waitFor({ timeout: 10_000 });
      }
    },
  },
  { role: "client", name: "client-preferences", path: "/client/preferences" },
  { role: "admin", name: "admin-overview", path: "/admin" },
  { role: "admin", name: "admin-accounts", path: "/admin/accounts" },
  { role: "admin", name: "admin-audit", path: "/admin/audit" },
  { role: "therapist", name: "account", path: "/account" },
];
