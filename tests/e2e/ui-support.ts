// Helpers for the interface specs (a11y, keyboard, preferences, account). They create their own
// accounts (ui-*@haven.test) so nothing here changes the demo accounts other specs rely on.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { hashPassword } from "../../server/services/accounts/passwords";
import { DEMO_PASSWORD, e2eDatabase, expect } from "./fixtures";

type Db = ReturnType<typeof e2eDatabase>;
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export const UI_THERAPIST = "ui-therapist@haven.test";
export const UI_CLIENT = "ui-client@haven.test";

/** The e2e server's QUICK_EXIT_URL (playwright.config.ts leaves the default). */
export const QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

let passwordHash: Promise<string> | null = null;

/**
 * Sign-in is throttled per client address (30 per 15 minutes) and every spec signs in from
 * 127.0.0.1; start this spec file's sign-ins with a fresh allowance.
 */
export async function resetSignInThrottle(db: Db) {
  await db.rateLimit.deleteMany({ where: { key: { startsWith: "signin-ip" } } });
}

/** An ACTIVE account with the demo password and default preferences (created or reset). */
export async function ensureUser(db: Db, email: string, name: string, role: "CLIENT" | "THERAPIST" | "ADMIN") {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  return db.user.upsert({
    where: { email },
    create: { email, name, role, status: "ACTIVE", passwordHash: hash },
    update: { status: "ACTIVE", passwordHash: hash, preferences: {}, failedLoginCount: 0, lockedUntil: null },
    select: { id: true, email: true, name: true },
  });
}

/**
 * A therapist and client of our own with two readings: one whose resource has a content note
 * (the interstitial) and one without (the reading view straight away).
 */
export async function ensureUiClient(db: Db) {
  const therapist = await ensureUser(db, UI_THERAPIST, "Robin Hale", "THERAPIST");
  const client = await ensureUser(db, UI_CLIENT, "Casey Morgan", "CLIENT");
  const care = await db.careRelationship.findFirst({ where: { therapistId: therapist.id, clientId: client.id, status: "ACTIVE" } });
  if (!care) await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });

  const published = { status: "PUBLISHED", ownerId: null, audience: { not: "CLINICIAN" }, kind: "ARTICLE" } as const;
  const withNote = await db.resource.findFirstOrThrow({ where: { ...published, contentNote: { not: null } }, orderBy: { slug: "asc" } });
  const withoutNote = await db.resource.findFirstOrThrow({ where: { ...published, contentNote: null }, orderBy: { slug: "asc" } });

  const assign = async (resourceId: string) => {
    const existing = await db.assignment.findFirst({ where: { clientId: client.id, resourceId, active: true }, select: { id: true } });
    return (
      existing ??
      db.assignment.create({
        data: { therapistId: therapist.id, clientId: client.id, resourceId, note: "Read this whenever you feel ready." },
        select: { id: true },
      })
    );
  };
  return {
    therapist,
    client,
    contentNoteAssignmentId: (await assign(withNote.id)).id,
    plainAssignmentId: (await assign(withoutNote.id)).id,
  };
}

export async function setPreferences(db: Db, email: string, preferences: Record<string, unknown>) {
  await db.user.update({ where: { email }, data: { preferences: preferences as object } });
}

/** Signs in through the form in a throwaway context and returns its cookies for reuse. */
export async function signedInState(browser: Browser, baseURL: string, email: string): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 20_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Keeps the test off the internet: the quick-exit site (and anything else outside) answers locally. */
export async function fulfilOutsideRequests(page: Page) {
  await page.context().route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: "<!doctype html><html lang=en><title>Weather</title><h1>Weather forecast</h1></html>",
    }),
  );
}

/**
 * Signs a browser context in as the account behind each name, signing in through the form once per
 * name and spec file and reusing the cookies after that ("signed-out" adds none).
 */
export function cachedSignIn<Name extends string>(emails: Record<Exclude<Name, "signed-out">, string>) {
  const cookies = new Map<Name, Awaited<ReturnType<BrowserContext["cookies"]>>>();
  return async function signInAs(context: BrowserContext, name: Name, baseURL: string) {
    if (name === "signed-out") return;
    if (!cookies.has(name)) {
      const browser = context.browser();
      if (!browser) throw new Error("no browser");
      cookies.set(name, (await signedInState(browser, baseURL, emails[name as Exclude<Name, "signed-out">])).cookies);
    }
    await context.addCookies(cookies.get(name) ?? []);
  };
}
