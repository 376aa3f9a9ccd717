// Keyboard only: signing in with Tab, typing and Enter; leaving with Escape pressed three times.
import { DEMO_PASSWORD, e2eDatabase, expect, test } from "./fixtures";
import {
  ensureUiClient,
  fulfilOutsideRequests,
  QUICK_EXIT_URL,
  resetSignInThrottle,
  setPreferences,
  signedInState,
  UI_CLIENT,
} from "./ui-support";

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    await ensureUiClient(db);
  } finally {
    await db.$disconnect();
  }
});

test.beforeEach(async () => {
  const db = e2eDatabase();
  try {
    await setPreferences(db, UI_CLIENT, {});
  } finally {
    await db.$disconnect();
  }
});

test("signs in with the keyboard alone", async ({ page }) => {
  await page.goto("/signin");
  // The skip link is the first stop, then the form.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  // The focus ring is drawn for keyboard focus.
  expect(await page.getByLabel("Email").evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await page.keyboard.type(UI_CLIENT);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByRole("heading", { level: 1, name: "My readings" })).toBeVisible();
});

test("Escape pressed three times leaves for the neutral site, ends the session and leaves no way back", async ({ page, context, baseURL }) => {
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  await context.addCookies((await signedInState(browser, baseURL ?? "", UI_CLIENT)).cookies);
  await fulfilOutsideRequests(page);

  await page.goto("/client");
  await expect(page.getByRole("button", { name: "Quick exit" })).toBeVisible();
  const historyBefore = await page.evaluate(() => history.length);

  const quickExitCall = page.waitForRequest((request) => request.url().endsWith("/api/quick-exit") && request.method() === "POST");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await quickExitCall;

  await expect(page).toHaveURL(QUICK_EXIT_URL);
  await expect(page.getByRole("heading", { name: "Weather forecast" })).toBeVisible();
  // location.replace: the Haven page was swapped out of history, not stacked under the new one.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  await page.goBack().catch(() => null);
  expect(page.url()).not.toContain(new URL(baseURL ?? "http://localhost").host);

  // The session ended: Haven asks for a sign-in again.
  await expect(async () => {
    await page.goto("/client");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fclient/, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
});

test("the Quick exit button leaves the same way when activated from the keyboard", async ({ page, context, baseURL }) => {
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  await context.addCookies((await signedInState(browser, baseURL ?? "", UI_CLIENT)).cookies);
  await fulfilOutsideRequests(page);
  await page.goto("/client/preferences");
  await page.getByRole("button", { name: "Quick exit" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(QUICK_EXIT_URL);
});

test("a client who turned quick exit off sees no Quick exit button, and Escape stays put", async ({ page, context, baseURL }) => {
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  await context.addCookies((await signedInState(browser, baseURL ?? "", UI_CLIENT)).cookies);
  await fulfilOutsideRequests(page);

  await page.goto("/client/preferences");
  const toggle = page.getByRole("checkbox", { name: "Show the Quick exit button" });
  await expect(toggle).toBeChecked();
  await toggle.press("Space");
  await expect(page.getByText("Saved. Your preferences are remembered.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Quick exit" })).toHaveCount(0);

  await page.goto("/client");
  await expect(page.getByRole("heading", { level: 1, name: "My readings" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Quick exit" })).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/client$/);

  const db = e2eDatabase();
  try {
    const row = await db.user.findUniqueOrThrow({ where: { email: UI_CLIENT }, select: { preferences: true } });
    expect(row.preferences).toMatchObject({ quickExit: false });
  } finally {
    await db.$disconnect();
  }
});
