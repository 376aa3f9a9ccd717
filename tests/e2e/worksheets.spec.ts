import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { e2eDatabase, expect, signIn, test } from "./fixtures";

// A worksheet, two-way: the therapist assigns it, the client fills it in on a phone, reloads (the
// answers are kept), shares them; the therapist sees them; the client stops sharing; the therapist
// no longer sees them. Then the optional check-in after reading, after a hard time.

const TITLE = "Understanding my attachment patterns";
const NOTICE_ANSWER = "I get quiet and check my phone a lot when someone goes distant.";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test.describe.configure({ mode: "serial" });

async function axeClean(page: Page, selectors: string[]) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of selectors) builder = builder.include(selector);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a client fills in a worksheet on a phone, shares it and takes it back", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const db = e2eDatabase();
  try {
    const client = await db.user.findUniqueOrThrow({ where: { email: "client@haven.test" } });
    await db.user.update({ where: { id: client.id }, data: { checkInAfterReading: true } });

    // 0. Writing a worksheet: the editor's live preview shows a prompt as its field, and a broken one's problem.
    await signIn(page, "therapist@haven.test");
    await expect(page).toHaveURL(/\/therapist$/);
    await page.goto("/therapist/library/new");
    await page.getByLabel("Body").fill("```prompt\nid: today\ntype: text\nlabel: What feels important today?\n```\n\n```prompt\nid: broken\ntype: essay\nlabel: Broken\n```");
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("textbox", { name: "What feels important today? (optional)" })).toBeVisible();
    await expect(preview.getByText("A preview: answers here are not saved.")).toBeVisible();
    await expect(preview.getByText('unknown type "essay" (use text, scale, single, multiple, list)')).toBeVisible();

    // 1. The therapist assigns the worksheet.
    await page.goto(`/therapist/clients/${client.id}`);
    await page.getByRole("button", { name: "Assign a reading" }).click();
    const assignDialog = page.getByRole("dialog", { name: `Assign to ${client.name}` });
    await assignDialog.getByLabel("Find a reading or reading plan").fill(TITLE);
    await assignDialog.getByRole("radio", { name: TITLE }).check();
    await assignDialog.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(assignDialog.getByText(`${TITLE}: Assigned`)).toBeVisible();
    await assignDialog.getByRole("button", { name: "Done" }).click();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: TITLE }) });
    await expect(card).toBeVisible();
    await expect(card.getByRole("button", { name: /Show shared answers/ })).toHaveCount(0);

    // 2. The client, on a 390 px phone, opens it and answers.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const reader = await phone.newPage();
    await signIn(reader, "client@haven.test");
    await expect(reader).toHaveURL(/\/client$/);
    await reader.getByRole("link", { name: TITLE }).first().click();
    await reader.getByRole("link", { name: "Read now" }).click();
    await expect(reader.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(reader.getByText("Your answers save as you go and are private")).toBeVisible();

    const notice = reader.getByLabel("When someone close to me feels distant, I tend to notice…");
    await notice.fill(NOTICE_ANSWER);
    const scale = reader.getByRole("group", { name: "How comfortable does it feel to depend on people close to you?" });
    await scale.getByRole("radio", { name: "4", exact: true }).check();
    await expect(scale.locator("..").getByText("You chose 4 of 10.")).toBeVisible();
    const upset = reader.getByRole("group", { name: "When I feel hurt or worried in a relationship, I often…" });
    await upset.getByRole("checkbox", { name: "Go quiet and handle it on my own" }).check();
    await reader.getByLabel("Things that help me feel safe and steady now — 1 of 5").fill("Morning walks");
    // Every field says when it is saved.
    for (const id of ["notice-in-closeness", "closeness-feels", "when-upset", "feel-safe-now"]) {
      await expect(reader.locator(`[data-prompt="${id}"] [data-save-status]`)).toHaveText("Saved", { timeout: 15_000 });
    }
    // Nothing sideways-scrolls on a phone.
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await axeClean(reader, ["[data-prompt]", "section[aria-labelledby='worksheet-answers-heading']"]);

    // 3. Reload: the answers are still there.
    await reader.reload();
    await expect(reader.getByLabel("When someone close to me feels distant, I tend to notice…")).toHaveValue(NOTICE_ANSWER);
    await expect(reader.getByRole("group", { name: "How comfortable does it feel to depend on people close to you?" }).getByRole("radio", { name: "4", exact: true })).toBeChecked();
    await expect(reader.getByRole("checkbox", { name: "Go quiet and handle it on my own" })).toBeChecked();
    await expect(reader.getByLabel("Things that help me feel safe and steady now — 1 of 5")).toHaveValue("Morning walks");

    // Private so far: the therapist sees nothing, not even a button.
    await page.reload();
    await expect(card.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(card.getByRole("button", { name: /Show shared answers/ })).toHaveCount(0);
    await expect(page.getByText(NOTICE_ANSWER)).toHaveCount(0);

    // 4. The client shares; the therapist sees the answers beside the assignment.
    await reader.getByRole("button", { name: "Share my answers with Dr. Maya Rivera" }).click();
    await expect(reader.getByText(/^Shared with Dr. Maya Rivera\./)).toBeVisible();
    await page.reload();
    await card.getByRole("button", { name: /Show shared answers/ }).click();
    const shared = card.getByRole("region", { name: `Answers shared for ${TITLE}` });
    await expect(shared.getByText(NOTICE_ANSWER)).toBeVisible();
    await expect(shared.getByText("4 (from 0 to 10)")).toBeVisible();
    await expect(shared.getByText("Morning walks")).toBeVisible();
    await axeClean(page, ["[data-shared-answers]"]);
    await expect.poll(() => db.auditEvent.count({ where: { action: "worksheet.viewed" } })).toBeGreaterThan(0);

    // 5. The client stops sharing; the therapist no longer sees anything.
    await reader.getByRole("button", { name: "Stop sharing my answers" }).click();
    await expect(reader.getByText("Your answers save as you go and are private")).toBeVisible();
    await page.reload();
    await expect(card.getByRole("heading", { name: TITLE })).toBeVisible();
    await expect(card.getByRole("button", { name: /Show shared answers/ })).toHaveCount(0);
    await expect(page.getByText(NOTICE_ANSWER)).toHaveCount(0);

    // 6. Done, then the optional check-in: a hard time brings grounding pieces and the crisis notice, calmly.
    await reader.getByRole("button", { name: "Mark as done" }).click();
    await expect(reader.getByRole("heading", { name: "How did this land?" })).toBeFocused();
    const checkIn = reader.locator("[data-check-in='form']");
    await checkIn.getByRole("radio", { name: "2", exact: true }).check();
    await checkIn.getByLabel("A few words").fill("tender");
    await axeClean(reader, ["[data-check-in='form']"]);
    await checkIn.getByRole("button", { name: "Save check-in" }).click();
    const hard = reader.locator("[data-check-in='hard-time']");
    await expect(hard.getByRole("link", { name: /grounding|Feet|breathing|senses|pause/i }).first()).toBeVisible();
    await expect(hard.getByRole("complementary", { name: "Urgent help" })).toBeVisible();
    await axeClean(reader, ["[data-check-in='saved']"]);
    await hard.getByRole("link").first().click();
    await expect(reader).toHaveURL(/\/client\/grounding\//);
    await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
    await axeClean(reader, ["main"]);
    await phone.close();
  } finally {
    await db.$disconnect();
  }
});
