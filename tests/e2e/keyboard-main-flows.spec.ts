// Keyboard only, after page.goto: the main flows of each role with Tab, Shift+Tab, Enter, Space,
// arrows, End/PageDown and Escape — no clicks, no fills, no mouse. Focus must be visible and go
// where a keyboard user expects: into a dialog when it opens, back to its opener when it closes.
// Everything here is our own data (kbd-* accounts, private resources), so demo data stays untouched.
import crypto from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, e2eDatabase, expect, test } from "./fixtures";
import { ensureUser, resetSignInThrottle } from "./ui-support";

const suffix = crypto.randomBytes(3).toString("hex");
const THERAPIST = { email: `kbd-therapist-${suffix}@example.test`, name: `Avery Keyes ${suffix}` };
const CLIENT = { email: `kbd-client-${suffix}@example.test`, name: `Sam Tabor ${suffix}` };
const THROWAWAY = { email: `kbd-throwaway-${suffix}@example.test`, name: `Quinn Throwaway ${suffix}` };
const ADMIN_EMAIL = "admin@haven.test";

// A word no demo resource uses, so the search finds exactly our piece.
const SEARCH_WORD = "lanternfish";
const PLAIN_TITLE = `Lanternfish and the quiet sea ${suffix}`;
const NOTE_TITLE = `Carrying old storms ${suffix}`;
const CONTENT_NOTE = "Mentions a frightening storm and feeling unsafe at home.";
// Long enough that the end of the reading is well below the fold.
const LONG_BODY = Array.from({ length: 30 }, (_, i) => `## Part ${i + 1}\n\nA calm paragraph to read slowly, number ${i + 1}. Breathe in, breathe out.`).join("\n\n");

let plainResourceId = "";
let noteAssignmentId = "";
let clientId = "";
let throwawayId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    const therapist = await ensureUser(db, THERAPIST.email, THERAPIST.name, "THERAPIST");
    const client = await ensureUser(db, CLIENT.email, CLIENT.name, "CLIENT");
    const throwaway = await ensureUser(db, THROWAWAY.email, THROWAWAY.name, "THERAPIST");
    clientId = client.id;
    throwawayId = throwaway.id;
    await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });

    // Private to our therapist: other specs' library searches never meet these.
    const resource = (title: string, extra: object = {}) =>
      db.resource.create({
        data: {
          slug: `kbd-${crypto.randomBytes(5).toString("hex")}`,
          title,
          summary: `About ${title}.`,
          body: LONG_BODY,
          kind: "ARTICLE",
          readingMinutes: 5,
          status: "PUBLISHED",
          visibility: "PRIVATE",
          ownerId: therapist.id,
          publishedAt: new Date(),
          ...extra,
        },
        select: { id: true },
      });
    plainResourceId = (await resource(PLAIN_TITLE)).id;
    const noted = await resource(NOTE_TITLE, { contentNote: CONTENT_NOTE, contentIntensity: "MODERATE" });
    noteAssignmentId = (
      await db.assignment.create({
        data: { therapistId: therapist.id, clientId: client.id, resourceId: noted.id, note: "Only when it feels right." },
        select: { id: true },
      })
    ).id;
  } finally {
    await db.$disconnect();
  }
});

test.afterAll(async () => {
  // Whatever happened, the throwaway account ends active (nobody else uses it, but keep it tidy).
  const db = e2eDatabase();
  try {
    if (throwawayId) await db.user.update({ where: { id: throwawayId }, data: { status: "ACTIVE" } });
  } finally {
    await db.$disconnect();
  }
});

/** Presses `key` until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, { key = "Tab", max = 80 }: { key?: "Tab" | "Shift+Tab"; max?: number } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`${key} pressed ${max} times without reaching ${target.toString()}`);
}

/** The focused control draws the focus ring (globals.css :focus-visible, 3px solid). */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring, "something has focus").not.toBeNull();
  expect(ring?.style).toBe("solid");
  expect(ring?.width).toBeGreaterThanOrEqual(2);
}

async function signInWithKeyboard(page: Page, email: string) {
  await page.goto("/signin");
  const emailField = page.getByLabel("Email");
  await tabTo(page, emailField, { max: 5 });
  await expectVisibleFocus(page);
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
}

test("a therapist signs in, searches the library and assigns a reading with the keyboard alone", async ({ page }) => {
  await signInWithKeyboard(page, THERAPIST.email);
  await expect(page).toHaveURL(/\/therapist$/);

  await page.goto("/therapist/library");
  const search = page.getByRole("searchbox", { name: "Search the library" });
  await tabTo(page, search);
  await expectVisibleFocus(page);
  await page.keyboard.type(SEARCH_WORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${SEARCH_WORD}`));
  const results = page.getByRole("list", { name: `Results for “${SEARCH_WORD}”` });
  await expect(page.getByRole("status").filter({ hasText: "Showing 1 of 1 resource" })).toBeVisible();
  // Searching keeps the keyboard user where they were.
  await expect(search).toBeFocused();

  const result = results.getByRole("link", { name: PLAIN_TITLE });
  await tabTo(page, result);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: PLAIN_TITLE })).toBeVisible();

  const assignButton = page.getByRole("button", { name: "Assign to client" });
  await tabTo(page, assignButton);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Assign “${PLAIN_TITLE}”` });
  await expect(dialog).toBeVisible();
  // Focus moved into the dialog (the dialog itself, so its title is read first).
  await expect(dialog).toBeFocused();

  const clientBox = dialog.getByRole("checkbox", { name: CLIENT.name });
  await tabTo(page, clientBox, { max: 10 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await expect(clientBox).toBeChecked();

  const submit = dialog.getByRole("button", { name: "Assign", exact: true });
  await tabTo(page, submit, { max: 10 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(dialog.getByText(`${PLAIN_TITLE}: Assigned`)).toBeVisible();
  // The form was replaced by its result: focus is on "Done", not lost.
  const done = dialog.getByRole("button", { name: "Done" });
  await expect(done).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(assignButton).toBeFocused();

  const db = e2eDatabase();
  try {
    const assignment = await db.assignment.findFirst({ where: { clientId, resourceId: plainResourceId, active: true } });
    expect(assignment).not.toBeNull();
  } finally {
    await db.$disconnect();
  }
});

test("a client opens a reading past its content note, scrolls and marks it done with the keyboard alone", async ({ page }) => {
  await signInWithKeyboard(page, CLIENT.email);
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByRole("heading", { level: 1, name: "My readings" })).toBeVisible();

  const reading = page.getByRole("region", { name: "New" }).getByRole("link", { name: NOTE_TITLE });
  await tabTo(page, reading);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");

  // The content note comes first, with a free choice.
  await expect(page.getByRole("heading", { level: 1, name: NOTE_TITLE })).toBeVisible();
  await expect(page.getByText(CONTENT_NOTE)).toBeVisible();
  const readNow = page.getByRole("link", { name: "Read now" });
  await tabTo(page, readNow);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?ready=1$/);
  await expect(page.getByRole("heading", { level: 1, name: NOTE_TITLE })).toBeVisible();
  const progress = page.getByRole("progressbar", { name: "Reading progress" });
  await expect(progress).toBeVisible();
  await expect(progress).not.toHaveAttribute("aria-valuenow", "100");

  // Scroll the way a keyboard user does.
  await page.keyboard.press("PageDown");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.keyboard.press("Space");
  // End again if the page grew while it scrolled (controls that appear once scripts have run).
  await expect(async () => {
    await page.keyboard.press("End");
    await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  const markDone = page.getByRole("button", { name: "Mark as done" });
  await tabTo(page, markDone);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  // Focus moves to the next step instead of being lost with the button.
  await expect(page.getByRole("heading", { name: "How did this land?" })).toBeFocused();

  const db = e2eDatabase();
  try {
    await expect
      .poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: noteAssignmentId } })).completedAt, { timeout: 15_000 })
      .not.toBeNull();
    const row = await db.assignment.findUniqueOrThrow({ where: { id: noteAssignmentId } });
    expect(row.openCount).toBe(1);
    expect(row.progress).toBe(100);
  } finally {
    await db.$disconnect();
  }
});

test("an admin deactivates and reactivates an account with the keyboard alone", async ({ page }) => {
  await signInWithKeyboard(page, ADMIN_EMAIL);
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto("/admin/accounts");
  const search = page.getByRole("searchbox", { name: "Search by name or email" });
  await tabTo(page, search);
  await expectVisibleFocus(page);
  await page.keyboard.type(THROWAWAY.email);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=kbd-throwaway-/);
  const row = page.getByRole("row", { name: new RegExp(THROWAWAY.name) });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();

  const trigger = page.getByRole("button", { name: `Actions for ${THROWAWAY.name}` });
  await tabTo(page, trigger);
  await expectVisibleFocus(page);

  // Escape closes the menu and hands focus back to its button.
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menu")).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Deactivate" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(trigger).toBeFocused();

  // Enter opens it on the first item; arrows move; Enter chooses.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Deactivate" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Change role" })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("menuitem", { name: "Deactivate" })).toBeFocused();
  await page.keyboard.press("Enter");

  const deactivateDialog = page.getByRole("dialog", { name: `Deactivate ${THROWAWAY.name}?` });
  await expect(deactivateDialog).toBeVisible();
  await expect(deactivateDialog).toBeFocused();
  // Escape backs out without changing anything, and focus returns to the menu button.
  await page.keyboard.press("Escape");
  await expect(deactivateDialog).toBeHidden();
  await expect(trigger).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Deactivate" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(deactivateDialog).toBeFocused();
  const confirmDeactivate = deactivateDialog.getByRole("button", { name: "Deactivate account" });
  await tabTo(page, confirmDeactivate, { max: 5 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText(`${THROWAWAY.name}'s account is deactivated.`)).toBeVisible();
  await expect(deactivateDialog).toBeHidden();
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  await expect(trigger).toBeFocused();

  const db = e2eDatabase();
  try {
    expect((await db.user.findUniqueOrThrow({ where: { id: throwawayId } })).status).toBe("DEACTIVATED");

    // Reactivate the same way: the first item is now "Reactivate".
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "Reactivate" })).toBeFocused();
    await page.keyboard.press("Enter");
    const reactivateDialog = page.getByRole("dialog", { name: `Reactivate ${THROWAWAY.name}?` });
    await expect(reactivateDialog).toBeFocused();
    const confirmReactivate = reactivateDialog.getByRole("button", { name: "Reactivate account" });
    await tabTo(page, confirmReactivate, { max: 5 });
    await expectVisibleFocus(page);
    await page.keyboard.press("Space");
    await expect(page.getByText(`${THROWAWAY.name}'s account is active again.`)).toBeVisible();
    await expect(reactivateDialog).toBeHidden();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await expect(trigger).toBeFocused();

    expect((await db.user.findUniqueOrThrow({ where: { id: throwawayId } })).status).toBe("ACTIVE");
  } finally {
    await db.$disconnect();
  }
});
