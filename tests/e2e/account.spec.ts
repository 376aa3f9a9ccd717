// The account page: changing one's password keeps this browser signed in and ends other sessions.
import { DEMO_PASSWORD, e2eDatabase, expect, signIn, test } from "./fixtures";
import { ensureUser, resetSignInThrottle } from "./ui-support";

const EMAIL = "ui-account@haven.test";
const NEW_PASSWORD = "copper lantern meadow quietly";

test.beforeEach(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    await ensureUser(db, EMAIL, "Morgan Ellis", "THERAPIST");
  } finally {
    await db.$disconnect();
  }
});

test("changing the password keeps me signed in here and signs out my other browser", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, EMAIL);
  await expect(otherPage).toHaveURL(/\/therapist$/);

  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/therapist$/);
  await page.getByRole("link", { name: /Your account/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Error: Use at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await expect(page.getByText("Strength: Strong.")).toBeVisible();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed. You're still signed in here")).toBeVisible();

  // Still signed in here…
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  // …but the other browser's session ended.
  await otherPage.goto("/therapist");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();

  // The new password works; the old one does not.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, EMAIL, DEMO_PASSWORD);
  await expect(page.getByText("That email and password don't match an active account")).toBeVisible();
  await signIn(page, EMAIL, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/therapist$/);
});

test("a wrong current password changes nothing and says so plainly", async ({ page }) => {
  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/therapist$/);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your current password doesn't match. Nothing was changed." })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
});

test("a signed-out visitor is asked to sign in first", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
});
