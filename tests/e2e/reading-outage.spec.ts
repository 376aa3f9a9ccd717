import { e2eDatabase, expect, signIn, test } from "./fixtures";
import { readerWithReading, scrollTo } from "./reading-support";

// Issue 9 item 1 (client side): what a client does while Haven can't reach its records is kept
// on the device and sent when Haven is back — nothing is lost, nothing counts twice.

test("reading through an outage: the furthest progress and 'done' reach the database once Haven is back", async ({ page }) => {
  const db = e2eDatabase();
  try {
    const { email, assignments } = await readerWithReading(db);
    const assignment = assignments[0]!;
    const url = `/client/readings/${assignment.id}`;
    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);

    // The outage: progress reports and the mark-done call answer 503 as an unreachable database does.
    let outage = true;
    const seen = { progress: 0, complete: 0 };
    const unavailable = async (route: import("@playwright/test").Route, kind: keyof typeof seen) => {
      seen[kind] += 1;
      if (!outage) return route.continue();
      await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: "Haven can't reach its records right now." } }) });
    };
    await page.route("**/api/reading/progress", (route) => unavailable(route, "progress"));
    await page.route("**/api/trpc/reading.complete**", (route) => unavailable(route, "complete"));

    await page.goto(url);
    const status = page.getByTestId("save-status");
    await scrollTo(page, 0.5);
    await expect(status).toHaveText("Will save when you're connected", { timeout: 15_000 });
    await scrollTo(page, 1);
    await expect(page.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", "100");
    await page.getByRole("button", { name: "Mark as done" }).click();
    await expect(page.getByText("You marked this as done.")).toBeVisible();
    await expect(status).toHaveText("Will save when you're connected");

    // Still nothing in the database — and closing/reopening the page keeps what was done.
    let row = await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(row.completedAt).toBeNull();
    expect(row.progress).toBeLessThan(100);
    await page.reload();
    await expect(page.getByText("You marked this as done.")).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", "100");
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("haven:reports:")).map((k) => localStorage.getItem(k)));
    expect(stored.join("")).toContain('"value":100');
    expect(seen.progress).toBeGreaterThan(0);

    // Haven is back: the queue retries by itself (backoff) and the view says "Saved".
    outage = false;
    await expect(status).toHaveText("Saved", { timeout: 70_000 });
    row = await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(row.progress).toBe(100);
    expect(row.completedAt).not.toBeNull();
    const events = await db.readingEvent.findMany({ where: { assignmentId: assignment.id, type: { in: ["PROGRESS", "COMPLETED"] } } });
    expect(events.filter((e) => e.type === "COMPLETED")).toHaveLength(1);
    expect(events.filter((e) => e.type === "PROGRESS" && e.progress === 100)).toHaveLength(1);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("haven:reports:")))).toEqual([]);

    // The therapist sees it too.
    const therapistPage = await page.context().browser()!.newContext().then((c) => c.newPage());
    await signIn(therapistPage, "therapist@haven.test");
    await expect(therapistPage).toHaveURL(/\/therapist$/);
    await therapistPage.goto(`/therapist/clients/${row.clientId}`);
    await expect(therapistPage.getByText(/Steady ground .* 1/).first()).toBeVisible();
    await therapistPage.context().close();
  } finally {
    await db.$disconnect();
  }
});

test("a session that really ended (401) keeps the reports and asks calmly to sign in again", async ({ page }) => {
  const db = e2eDatabase();
  try {
    const { email, assignments } = await readerWithReading(db);
    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);
    await page.route("**/api/reading/progress", (route) =>
      route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ error: { code: "UNAUTHORIZED", message: "Please sign in to continue." } }) }),
    );
    await page.goto(`/client/readings/${assignments[0]!.id}`);
    await scrollTo(page, 1);
    const status = page.getByTestId("save-status");
    await expect(status).toContainText("Please sign in again to save this", { timeout: 15_000 });
    await expect(status).not.toHaveText("Saved");
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("haven:reports:")).map((k) => localStorage.getItem(k)));
    expect(stored.join("")).toContain('"value":100');
    // Signed in again (the session here never really ended): it is sent.
    await page.unroute("**/api/reading/progress");
    await page.reload();
    await expect(status).toHaveText("Saved", { timeout: 15_000 });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignments[0]!.id } })).progress).toBe(100);
  } finally {
    await db.$disconnect();
  }
});
