// Every page of every role, shared by the axe scan (a11y.spec.ts) and the phone-width checks
// (phones.spec.ts). Paths that need rows take them from `ids`, so each spec brings its own data.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Role = "signed-out" | "therapist" | "client" | "admin" | "ui-therapist";
export type Ids = {
  /** A client of the "therapist" role (client detail pages). */
  demoClientId: string;
  /** An account the admin opens (account detail page). */
  demoTherapistId: string;
  /** Readings of the "client" role: one behind a content note, one without. */
  contentNoteAssignmentId: string;
  plainAssignmentId: string;
  /** A reading plan of the "ui-therapist" role. */
  collectionId: string;
  /** A resource the therapist can see (its page and assign dialog are checked). */
  resourceSlug: string;
};

export interface PageCheck {
  role: Role;
  name: string;
  path: string | ((ids: Ids) => string);
  /** Expected HTTP status; default 200. null: any (e.g. a calm page for a bad link). */
  status?: number | null;
  /** Brings the page into the state to check: an error shown, a dialog open… */
  setup?: (page: Page) => Promise<void>;
}

/** Clicks the first button matching `name` and waits for the modal dialog. */
export function openDialog(name: RegExp) {
  return async (page: Page) => {
    await page.getByRole("button", { name }).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
  };
}

export const PAGES: PageCheck[] = [
  // Signed out
  { role: "signed-out", name: "sign-in", path: "/signin" },
  {
    role: "signed-out",
    name: "sign-in with an error",
    path: "/signin",
    setup: async (page) => {
      // An unknown address: shows the error without counting towards any account's lock-out.
      await page.getByLabel("Email").fill("nobody-a11y@haven.test");
      await page.getByLabel("Password", { exact: true }).fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("That email and password don't match an active account")).toBeVisible();
    },
  },
  { role: "signed-out", name: "forgot password", path: "/forgot-password" },
  { role: "signed-out", name: "reset password, invalid link", path: "/reset-password/not-a-real-token", status: null },
  { role: "signed-out", name: "invite, invalid link", path: "/invite/not-a-real-token", status: null },
  { role: "signed-out", name: "not found (404)", path: "/no-such-page", status: 404 },
  // Therapist
  { role: "therapist", name: "forbidden (403)", path: "/admin", status: 403 },
  { role: "therapist", name: "therapist home", path: "/therapist" },
  { role: "therapist", name: "clients", path: "/therapist/clients" },
  { role: "therapist", name: "clients, invite dialog", path: "/therapist/clients", setup: openDialog(/invite/i) },
  { role: "therapist", name: "client detail", path: (ids) => `/therapist/clients/${ids.demoClientId}` },
  { role: "therapist", name: "client detail, assign dialog", path: (ids) => `/therapist/clients/${ids.demoClientId}`, setup: openDialog(/assign/i) },
  { role: "therapist", name: "library results", path: "/therapist/library?q=attachment" },
  { role: "therapist", name: "library, no results", path: "/therapist/library?q=zzqxjvw" },
  { role: "therapist", name: "resource", path: (ids) => `/therapist/library/${ids.resourceSlug}` },
  { role: "therapist", name: "resource, assign dialog", path: (ids) => `/therapist/library/${ids.resourceSlug}`, setup: openDialog(/assign/i) },
  { role: "therapist", name: "new resource form", path: "/therapist/library/new" },
  { role: "therapist", name: "collections", path: "/therapist/collections" },
  { role: "ui-therapist", name: "collection detail", path: (ids) => `/therapist/collections/${ids.collectionId}` },
  { role: "therapist", name: "favourites", path: "/therapist/favourites" },
  { role: "therapist", name: "account (therapist)", path: "/account" },
  // Client
  { role: "client", name: "forbidden for a client (403)", path: "/therapist", status: 403 },
  { role: "client", name: "my readings", path: "/client" },
  { role: "client", name: "content-note interstitial", path: (ids) => `/client/readings/${ids.contentNoteAssignmentId}` },
  { role: "client", name: "reading view", path: (ids) => `/client/readings/${ids.plainAssignmentId}` },
  { role: "client", name: "preferences", path: "/client/preferences" },
  { role: "client", name: "account (client)", path: "/account" },
  // Admin
  { role: "admin", name: "admin overview", path: "/admin" },
  { role: "admin", name: "accounts", path: "/admin/accounts" },
  { role: "admin", name: "accounts, new account dialog", path: "/admin/accounts", setup: openDialog(/invite|new account|create/i) },
  { role: "admin", name: "account detail", path: (ids) => `/admin/accounts/${ids.demoTherapistId}` },
  { role: "admin", name: "shared library", path: "/admin/library" },
  { role: "admin", name: "audit trail", path: "/admin/audit" },
  { role: "admin", name: "account (admin)", path: "/account" },
];

