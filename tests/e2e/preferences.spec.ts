// Client preferences apply at once, are remembered, and follow the person across pages.
import { e2eDatabase, expect, test } from "./fixtures";
import { ensureUiClient, ensureUser, resetSignInThrottle, setPreferences, signedInState, UI_CLIENT } from "./ui-support";

const UI_PRACTITIONER = "ui-practitioner@haven.test";

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    await ensureUiClient(db);
    await ensureUser(db, UI_PRACTITIONER, "Sky Patel", "THERAPIST");
  } finally {
    await db.$disconnect();
  }
});

test.beforeEach(async ({ context, baseURL }) => {
  const db = e2eDatabase();
  try {
    await setPreferences(db, UI_CLIENT, {});
    await setPreferences(db, UI_PRACTITIONER, {});
  } finally {
    await db.$disconnect();
  }
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  await context.addCookies((await signedInState(browser, baseURL ?? "", UI_CLIENT)).cookies);
});

test("text size, spacing, theme and motion apply at once and are remembered", async ({ page }) => {
  await page.goto("/client/preferences");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-text-size", "m");

  await page.getByRole("radio", { name: "Extra large" }).check();
  await expect(html).toHaveAttribute("data-text-size", "xl");
  const preview = page.getByText("Take a slow breath.");
  expect(await preview.evaluate((el) => getComputedStyle(el).fontSize)).toBe("24px");

  await page.getByRole("radio", { name: "Loose" }).check();
  await expect(html).toHaveAttribute("data-line-spacing", "loose");
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByRole("checkbox", { name: "Reduce motion" }).check();
  await expect(html).toHaveAttribute("data-motion", "reduce");
  await expect(page.getByText("Saved. Your preferences are remembered.")).toBeVisible();

  // Server-rendered on the next visit, on every client page.
  await page.goto("/client");
  await expect(html).toHaveAttribute("data-text-size", "xl");
  await expect(html).toHaveAttribute("data-line-spacing", "loose");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(html).toHaveAttribute("data-motion", "reduce");
  await page.goto("/client/preferences");
  await expect(page.getByRole("radio", { name: "Extra large" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Reduce motion" })).toBeChecked();
});

test("discreet mode keeps the tab title neutral until it is turned off", async ({ page }) => {
  await page.goto("/client/preferences");
  await expect(page).toHaveTitle("Reading");
  await page.getByRole("checkbox", { name: "Discreet tab titles" }).uncheck();
  await expect(page).toHaveTitle(/Haven/);
  await page.goto("/client");
  await expect(page).toHaveTitle(/Haven/);
  await page.goto("/account");
  await expect(page).toHaveTitle("Your account · Haven");

  await page.goto("/client/preferences");
  await page.getByRole("checkbox", { name: "Discreet tab titles" }).check();
  await expect(page).toHaveTitle("Reading");
  await page.goto("/account");
  await expect(page).toHaveTitle("Reading");
});

test("every page uses the same neutral icon", async ({ page, request }) => {
  await page.goto("/client");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href ?? "");
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).not.toMatch(/<text|haven/i);
});

test("the header's theme control saves to the account of whoever is signed in", async ({ page, context, baseURL }) => {
  await context.clearCookies();
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  await context.addCookies((await signedInState(browser, baseURL ?? "", UI_PRACTITIONER)).cookies);
  await page.goto("/account");
  await page.getByRole("combobox", { name: "Colour theme" }).selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect
    .poll(async () => {
      const db = e2eDatabase();
      try {
        return (await db.user.findUniqueOrThrow({ where: { email: UI_PRACTITIONER }, select: { preferences: true } })).preferences;
      } finally {
        await db.$disconnect();
      }
    })
    .toMatchObject({ theme: "dark" });

  // A fresh browser (no theme cookie) gets the account's theme from the server.
  const other = await browser.newContext({ baseURL });
  await other.addCookies((await context.cookies()).filter((c) => c.name !== "haven-theme"));
  const otherPage = await other.newPage();
  await otherPage.goto("/therapist");
  await expect(otherPage.locator("html")).toHaveAttribute("data-theme", "dark");
  await other.close();
});

test("signed out, the sign-in page's theme choice is kept in a cookie", async ({ page, context }) => {
  await context.clearCookies();
  await page.goto("/signin");
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
});

test("reminder emails: the client's choice and quiet hours are saved and remembered", async ({ page }) => {
  const db = e2eDatabase();
  try {
    await db.user.update({ where: { email: UI_CLIENT }, data: { reminderMode: "NEW_READING", quietHoursStart: 1260, quietHoursEnd: 480, timeZone: null } });
  } finally {
    await db.$disconnect();
  }
  await page.goto("/client/preferences");
  const reminders = page.getByRole("region", { name: "Reminder emails" });
  await expect(reminders.getByRole("radio", { name: /When something new is shared with me/ })).toBeChecked();
  await reminders.getByRole("radio", { name: /A weekly summary/ }).check();
  await expect(reminders.getByText("Saved.")).toBeVisible();

  await reminders.getByLabel("From").fill("22:30");
  await reminders.getByLabel("Time zone").selectOption("Europe/Berlin");
  await reminders.getByRole("button", { name: "Save quiet hours" }).click();
  await expect(reminders.getByText("Saved.")).toBeVisible();

  await page.reload();
  const after = page.getByRole("region", { name: "Reminder emails" });
  await expect(after.getByRole("radio", { name: /A weekly summary/ })).toBeChecked();
  await expect(after.getByLabel("From")).toHaveValue("22:30");
  await expect(after.getByLabel("Until")).toHaveValue("08:00");
  await expect(after.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
});
