// Dates render the same on the server and at hydration, then in the reader's own zone: a browser
// far from UTC sees its local date, with no hydration mismatch. (The reading-plan list once
// formatted in the server's zone on the server and the browser's in the browser.)
import { e2eDatabase, expect, signIn, test } from "./fixtures";
import { ensureUser, resetSignInThrottle } from "./ui-support";

const EMAIL = `dates-${Date.now().toString(36)}@haven.test`;
// 23:30 UTC on 4 March is already 5 March in Auckland (UTC+13 then).
const UPDATED_AT = new Date("2026-03-04T23:30:00Z");

test.use({ timezoneId: "Pacific/Auckland" });

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    const owner = await ensureUser(db, EMAIL, "Dana Dates", "THERAPIST");
    await db.collection.create({ data: { ownerId: owner.id, title: "Evening plan", updatedAt: UPDATED_AT } });
  } finally {
    await db.$disconnect();
  }
});

test.afterAll(async () => {
  const db = e2eDatabase();
  try {
    const owner = await db.user.findUnique({ where: { email: EMAIL }, select: { id: true } });
    if (owner) await db.collection.deleteMany({ where: { ownerId: owner.id } });
  } finally {
    await db.$disconnect();
  }
});

test("the reading-plan list shows the browser's local date without a hydration mismatch", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#425|did not match/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));

  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/therapist$/);
  await page.goto("/therapist/collections");
  const plan = page.getByRole("listitem").filter({ hasText: "Evening plan" });
  await expect(plan).toContainText("Updated 5 Mar 2026");
  expect(problems).toEqual([]);
  await expect(plan.locator("time")).toHaveAttribute("datetime", UPDATED_AT.toISOString());
});
