import { e2eDatabase, expect, signIn, test } from "./fixtures";
import { deviceCopies, readerWithReading, scrollTo } from "./reading-support";
import { fulfilOutsideRequests, QUICK_EXIT_URL } from "./ui-support";

// Issue 12, "Offline reading, by choice": kept readings work without a connection, what the
// client does offline reaches the database exactly once when the connection returns, and Quick
// exit (like signing out and turning the option off) leaves nothing behind on the device.

test("offline reading: read and finish without a connection, saved once back online; Quick exit leaves nothing", async ({ page, context }) => {
  const db = e2eDatabase();
  try {
    const { email, assignments, tag } = await readerWithReading(db, { readings: 2 });
    const [first, second] = assignments as [(typeof assignments)[0], (typeof assignments)[0]];
    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);

    // Off by default: no worker, nothing kept.
    await page.goto("/client/preferences");
    const option = page.getByRole("checkbox", { name: "Keep my readings on this device" });
    await expect(option).not.toBeChecked();
    expect((await deviceCopies(page)).workers).toBe(0);

    await option.check();
    await expect(page.getByText("Your readings are being kept on this device.")).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { email } })).offlineReading).toBe(true);
    await expect
      .poll(async () => (await deviceCopies(page)).cached, { timeout: 30_000 })
      .toEqual(expect.arrayContaining(["/client", `/client/readings/${first.id}`, `/client/readings/${second.id}`]));
    // Keeping a copy is not opening the reading.
    expect((await db.assignment.findUniqueOrThrow({ where: { id: second.id } })).openCount).toBe(0);

    // Open a reading online, then lose the connection.
    await page.goto(`/client/readings/${first.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Steady ground ${tag} 1` })).toBeVisible();
    await context.setOffline(true);

    // Another assigned reading, never opened on this device, opens from the kept copy.
    await page.goto(`/client/readings/${second.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Steady ground ${tag} 2` })).toBeVisible();
    await scrollTo(page, 1);
    await expect(page.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", "100");
    await page.getByRole("button", { name: "Mark as done" }).click();
    await expect(page.getByText("You marked this as done.")).toBeVisible();
    const status = page.getByTestId("save-status");
    await expect(status).toHaveText("Will save when you're connected");
    await page.getByLabel("Your reflection").fill("Calmer now, reading on the bus.");
    await page.getByRole("button", { name: "Save reflection" }).click();
    await expect(page.getByText("Your reflection is kept on this device")).toBeVisible();
    let row = await db.assignment.findUniqueOrThrow({ where: { id: second.id } });
    expect(row.completedAt).toBeNull();
    expect(row.progress).toBe(0);

    // Back online: sent at once, exactly once.
    await context.setOffline(false);
    await expect(status).toHaveText("Saved", { timeout: 30_000 });
    row = await db.assignment.findUniqueOrThrow({ where: { id: second.id } });
    expect(row.progress).toBe(100);
    expect(row.completedAt).not.toBeNull();
    const events = await db.readingEvent.findMany({ where: { assignmentId: second.id } });
    expect(events.filter((e) => e.type === "COMPLETED")).toHaveLength(1);
    expect(events.filter((e) => e.type === "PROGRESS" && e.progress === 100)).toHaveLength(1);
    expect(await db.reflection.findUnique({ where: { assignmentId: second.id } })).toMatchObject({ body: "Calmer now, reading on the bus.", sharedWithTherapist: false });

    // Quick exit: nothing of this client stays on the device.
    await fulfilOutsideRequests(page);
    await page.getByRole("button", { name: "Quick exit" }).click();
    await expect(page).toHaveURL(QUICK_EXIT_URL);
    await page.goto("/api/health");
    await expect.poll(async () => deviceCopies(page), { timeout: 15_000 }).toEqual({ cached: [], stored: [], workers: 0 });
  } finally {
    await db.$disconnect();
  }
});

test("turning the option off deletes the kept readings", async ({ page }) => {
  const db = e2eDatabase();
  try {
    const { email, assignments } = await readerWithReading(db, { readings: 1, paragraphs: 5 });
    await db.user.update({ where: { email }, data: { offlineReading: true } });
    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);
    await expect.poll(async () => (await deviceCopies(page)).cached, { timeout: 30_000 }).toContain(`/client/readings/${assignments[0]!.id}`);
    await page.goto("/client/preferences");
    await page.getByRole("checkbox", { name: "Keep my readings on this device" }).uncheck();
    await expect(page.getByText("Nothing is kept on this device any more.")).toBeVisible();
    await expect.poll(async () => deviceCopies(page), { timeout: 15_000 }).toEqual({ cached: [], stored: [], workers: 0 });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).offlineReading).toBe(false);
  } finally {
    await db.$disconnect();
  }
});

test("signing out deletes the kept readings, and a changed password does on this device's next visit", async ({ page }) => {
  const db = e2eDatabase();
  try {
    const { email, assignments } = await readerWithReading(db, { readings: 1, paragraphs: 5 });
    await db.user.update({ where: { email }, data: { offlineReading: true } });
    const kept = `/client/readings/${assignments[0]!.id}`;

    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);
    await expect.poll(async () => (await deviceCopies(page)).cached, { timeout: 30_000 }).toContain(kept);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/api/health");
    await expect.poll(async () => deviceCopies(page), { timeout: 15_000 }).toEqual({ cached: [], stored: [], workers: 0 });

    // Another device changes the password (sessionVersion goes up): this device's copies go on its next visit.
    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);
    await expect.poll(async () => (await deviceCopies(page)).cached, { timeout: 30_000 }).toContain(kept);
    await page.evaluate(() => localStorage.setItem("haven:reports:someone", '{"v":1,"entries":{}}'));
    await db.user.update({ where: { email }, data: { sessionVersion: { increment: 1 } } });
    await page.goto(kept);
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/api/health");
    await expect.poll(async () => deviceCopies(page), { timeout: 15_000 }).toEqual({ cached: [], stored: [], workers: 0 });
  } finally {
    await db.$disconnect();
  }
});

test("the home-screen manifest is neutral in discreet mode and Haven's own otherwise", async ({ page, request }) => {
  const db = e2eDatabase();
  try {
    const { email } = await readerWithReading(db, { readings: 1, paragraphs: 3 });
    await signIn(page, email);
    await expect(page).toHaveURL(/\/client$/);
    const manifestHref = () => page.locator('link[rel="manifest"]').getAttribute("href");
    expect(await manifestHref()).toBe("/manifest-discreet.webmanifest");
    const neutral = await (await request.get("/manifest-discreet.webmanifest")).json();
    expect(neutral).toMatchObject({ name: "Reading", short_name: "Reading", icons: [{ src: "/neutral-icon.svg" }] });
    expect(JSON.stringify(neutral)).not.toMatch(/haven/i);
    expect((await request.get("/neutral-icon.svg")).ok()).toBe(true);

    await db.user.update({ where: { email }, data: { preferences: { discreet: false } } });
    await page.reload();
    expect(await manifestHref()).toBe("/manifest.webmanifest");
    expect(await (await request.get("/manifest.webmanifest")).json()).toMatchObject({ name: "Haven" });
  } finally {
    await db.$disconnect();
  }
});
