import crypto from "node:crypto";
import { e2eDatabase, expect, signIn, test } from "./fixtures";

// The whole story: invite → accept → assign (a resource with a content note, and a reading plan)
// → "Not now" records nothing → read, scroll, done, rate, share → the therapist sees it all.

const suffix = crypto.randomBytes(3).toString("hex");
const clientName = `Robin Story ${suffix}`;
const clientEmail = `robin-${suffix}@example.test`;
const password = "quiet harbour lantern morning";
const heavyTitle = `Sitting with old fears ${suffix}`;
const planTitle = `First steps plan ${suffix}`;
const contentNote = "Mentions childhood experiences of being left alone.";
const longBody = Array.from({ length: 40 }, (_, i) => `## Part ${i + 1}\n\nA calm paragraph to read slowly, number ${i + 1}. Breathe in, breathe out.`).join("\n\n");

test.describe.configure({ mode: "serial" });

test("a therapist invites a client, assigns readings, and sees truthful progress", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const db = e2eDatabase();
  try {
    const therapist = await db.user.findUniqueOrThrow({ where: { email: "therapist@haven.test" } });
    const resource = (title: string, extra: object = {}) =>
      db.resource.create({
        data: { slug: `e2e-${crypto.randomBytes(5).toString("hex")}`, title, summary: `About ${title}.`, body: longBody, kind: "ARTICLE", readingMinutes: 6, status: "PUBLISHED", visibility: "SHARED", publishedAt: new Date(), ...extra },
      });
    const heavy = await resource(heavyTitle, { contentNote, contentIntensity: "MODERATE" });
    const planItems = [await resource(`Plan part one ${suffix}`), await resource(`Plan part two ${suffix}`)];
    await db.collection.create({
      data: { ownerId: therapist.id, title: planTitle, items: { create: planItems.map((r, position) => ({ resourceId: r.id, position })) } },
    });

    // 1. The therapist invites a new client; with no mail server the link is shown once.
    await signIn(page, "therapist@haven.test");
    await expect(page).toHaveURL(/\/therapist$/);
    await page.goto("/therapist/clients");
    await page.getByRole("button", { name: "Invite a client" }).click();
    const inviteDialog = page.getByRole("dialog", { name: "Invite a client" });
    await inviteDialog.getByLabel("Name").fill(clientName);
    await inviteDialog.getByLabel("Email").fill(clientEmail);
    await inviteDialog.getByRole("button", { name: "Send invitation" }).click();
    const link = await inviteDialog.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await inviteDialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("region", { name: "Waiting to join" }).getByText(clientEmail)).toBeVisible();

    // 2. The client opens the link in their own browser and sets a password.
    const clientContext = await browser.newContext();
    const reader = await clientContext.newPage();
    await reader.goto(link);
    await expect(reader.getByRole("heading", { name: "Welcome, Robin" })).toBeVisible();
    await reader.getByLabel("Choose a password").fill(password);
    await expect(reader.getByText(/Strength:/)).toBeVisible();
    await reader.getByRole("button", { name: "Set password and continue" }).click();
    await expect(reader).toHaveURL(/\/client$/);
    await expect(reader.getByRole("heading", { level: 1, name: "My readings" })).toBeVisible();
    await expect(reader).toHaveTitle("Reading");
    await expect(reader.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();

    // 3. The therapist assigns the reading with a content note, then the reading plan.
    await page.goto("/therapist/clients");
    await page.getByRole("link", { name: clientName }).click();
    await expect(page.getByRole("heading", { level: 1, name: clientName })).toBeVisible();
    await page.getByRole("button", { name: "Assign a reading" }).click();
    let assignDialog = page.getByRole("dialog", { name: `Assign to ${clientName}` });
    await assignDialog.getByLabel("Find a reading or reading plan").fill(heavyTitle);
    await assignDialog.getByRole("radio", { name: heavyTitle }).check();
    await assignDialog.getByLabel("Note for your client").fill("Only if today feels steady enough.");
    await assignDialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(assignDialog.getByText(`${heavyTitle}: Assigned`)).toBeVisible();
    await assignDialog.getByRole("button", { name: "Done" }).click();

    await page.getByRole("button", { name: "Assign a reading" }).click();
    assignDialog = page.getByRole("dialog", { name: `Assign to ${clientName}` });
    await assignDialog.getByLabel("Find a reading or reading plan").fill(planTitle);
    await assignDialog.getByRole("radio", { name: planTitle }).check();
    await assignDialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(assignDialog.getByText("Assigned 2 readings")).toBeVisible();
    await assignDialog.getByRole("button", { name: "Done" }).click();
    // Assigning the same reading again is an answer, not an error.
    await page.getByRole("button", { name: "Assign a reading" }).click();
    assignDialog = page.getByRole("dialog", { name: `Assign to ${clientName}` });
    await assignDialog.getByLabel("Find a reading or reading plan").fill(heavyTitle);
    await assignDialog.getByRole("radio", { name: heavyTitle }).check();
    await assignDialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(assignDialog.getByText(`${heavyTitle}: Already assigned`)).toBeVisible();
    await assignDialog.getByRole("button", { name: "Done" }).click();

    // 4. The client sees all three as new, with the note and the content-note marker.
    await reader.reload();
    const newSection = reader.getByRole("region", { name: "New" });
    await expect(newSection.getByRole("link")).toHaveCount(3);
    await expect(newSection.getByText("Only if today feels steady enough.")).toBeVisible();
    await expect(newSection.getByText("Content note · moderate")).toBeVisible();

    // 5. "Not now" at the content note records nothing.
    const assignment = await db.assignment.findFirstOrThrow({ where: { resourceId: heavy.id, client: { email: clientEmail } } });
    await newSection.getByRole("link", { name: heavyTitle }).click();
    await expect(reader.getByText(contentNote)).toBeVisible();
    await reader.getByRole("link", { name: "Not now" }).click();
    await expect(reader).toHaveURL(/\/client$/);
    const untouched = await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
    expect(untouched).toMatchObject({ openCount: 0, firstOpenedAt: null, progress: 0 });
    expect(await db.readingEvent.count({ where: { assignmentId: assignment.id } })).toBe(0);

    // 6. Then they choose to read: opened once, scrolled to the end, done, rated and shared.
    await reader.getByRole("link", { name: heavyTitle }).click();
    await reader.getByRole("link", { name: "Read now" }).click();
    await expect(reader).toHaveURL(/\?ready=1$/);
    await expect(reader.getByRole("heading", { level: 1, name: heavyTitle })).toBeVisible();
    await expect(reader).toHaveTitle("Reading");
    await expect.poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).openCount).toBe(1);
    await expect(reader.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", /^\d$/);
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(reader.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", "100");
    await expect.poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).progress, { timeout: 15_000 }).toBe(100);
    await reader.getByRole("button", { name: "Mark as done" }).click();
    await expect(reader.getByRole("heading", { name: "How did this land?" })).toBeFocused();
    await reader.getByRole("radio", { name: "5 · Really helpful" }).check();
    await reader.getByLabel("Your reflection").fill("Gentler than I expected. I want to talk about part three.");
    await reader.getByRole("checkbox", { name: /Share my rating and reflection/ }).check();
    await reader.getByRole("button", { name: "Save reflection" }).click();
    await expect(reader.getByText(/Saved and shared with/)).toBeVisible();
    const panel = reader.getByRole("region", { name: "What my therapist sees" });
    await expect(panel.getByText("rated 5 of 5", { exact: false })).toBeVisible();
    await expect(panel.getByRole("progressbar", { name: "Read" })).toHaveAttribute("aria-valuenow", "100");

    // 7. The therapist sees the open, 100 %, done, the rating and the reflection.
    await page.reload();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: heavyTitle }) });
    await expect(card.getByText("Done", { exact: true })).toBeVisible();
    await expect(card.getByText(/^First .+ · once$/)).toBeVisible();
    await expect(card.getByRole("progressbar", { name: "Read" })).toHaveAttribute("aria-valuenow", "100");
    await expect(card.getByText(/rated 5 of 5/)).toBeVisible();
    await expect(card.getByText("Gentler than I expected. I want to talk about part three.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Timeline" }).getByText("Marked as done").first()).toBeVisible();
    await clientContext.close();
  } finally {
    await db.$disconnect();
  }
});

test("prefetches, link-preview bots and therapists never count as opening a reading", async ({ page, browser }) => {
  const db = e2eDatabase();
  try {
    const { hashPassword } = await import("../../server/services/accounts/passwords");
    const therapist = await db.user.findUniqueOrThrow({ where: { email: "therapist@haven.test" } });
    const email = `prefetch-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const client = await db.user.create({ data: { email, name: "Prefetch Check", role: "CLIENT", status: "ACTIVE", passwordHash: await hashPassword(password) } });
    await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });
    const resource = await db.resource.create({
      data: { slug: `e2e-${crypto.randomBytes(5).toString("hex")}`, title: `Quiet piece ${suffix}`, summary: "Short.", body: "Calm words.", kind: "ARTICLE", readingMinutes: 2, status: "PUBLISHED", visibility: "SHARED" },
    });
    const assignment = await db.assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id } });
    const url = `/client/readings/${assignment.id}`;
    const opens = async () => (await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).openCount;

    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/client$/);
    const prefetchLike: Record<string, string>[] = [
      { "next-router-prefetch": "1", rsc: "1" },
      { "sec-purpose": "prefetch" },
      { purpose: "prefetch" },
      { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" },
    ];
    for (const headers of prefetchLike) {
      const response = await page.request.get(url, { headers });
      expect(response.status()).toBeLessThan(400);
    }
    expect(await opens()).toBe(0);

    const therapistContext = await browser.newContext();
    const therapistPage = await therapistContext.newPage();
    await signIn(therapistPage, "therapist@haven.test");
    await expect(therapistPage).toHaveURL(/\/therapist$/);
    expect((await therapistPage.goto(url))?.status()).toBe(403);
    await therapistContext.close();
    expect(await opens()).toBe(0);

    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: `Quiet piece ${suffix}` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: `Quiet piece ${suffix}` })).toBeVisible();
    expect(await opens()).toBe(1);
    // A short piece fits on the screen: it has been read to the end.
    await expect.poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: assignment.id } })).progress, { timeout: 15_000 }).toBe(100);
  } finally {
    await db.$disconnect();
  }
});
