// The library end to end, as two therapists of our own (lib-*@haven.test): nothing here changes
// the demo accounts, and everything these therapists write is private to them.
import type { Page } from "@playwright/test";
import { e2eDatabase, expect, signIn, test } from "./fixtures";
import { ensureUser, resetSignInThrottle } from "./ui-support";

const RUN = Date.now().toString(36);
const AUTHOR = `lib-author-${RUN}@haven.test`;
const COLLEAGUE = `lib-colleague-${RUN}@haven.test`;
let authorId = "";

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    authorId = (await ensureUser(db, AUTHOR, "Lee Library", "THERAPIST")).id;
    await ensureUser(db, COLLEAGUE, "Kim Colleague", "THERAPIST");
  } finally {
    await db.$disconnect();
  }
});

test.afterAll(async () => {
  // Leave the shared database as we found it: our plans, favourites and private resources go.
  const db = e2eDatabase();
  try {
    const users = await db.user.findMany({ where: { email: { in: [AUTHOR, COLLEAGUE] } }, select: { id: true } });
    const ids = users.map((u) => u.id);
    await db.collection.deleteMany({ where: { ownerId: { in: ids } } });
    await db.favorite.deleteMany({ where: { userId: { in: ids } } });
    await db.resource.deleteMany({ where: { ownerId: { in: ids } } });
  } finally {
    await db.$disconnect();
  }
});

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/therapist$/);
}

test("search, filter, open, favourite, add to a new plan and reorder it by keyboard", async ({ page }) => {
  await signInAs(page, AUTHOR);
  await page.goto("/therapist/library");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();

  // A misspelt search still finds the piece, with the matched word marked.
  await page.getByRole("searchbox", { name: "Search the library" }).fill("avoidnt");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=avoidnt/);
  const results = page.getByRole("list", { name: /Results for/ });
  const avoidant = results.getByRole("link", { name: "Understanding avoidant attachment" });
  await expect(avoidant).toBeVisible();
  await expect(results.locator("mark").filter({ hasText: /^avoidant$/i }).first()).toBeVisible();

  // Filter by kind: the URL carries it, and the results follow.
  await page.getByRole("checkbox", { name: "Audio" }).check();
  await expect(page).toHaveURL(/kind=AUDIO/);
  await expect(page.getByRole("heading", { name: /No results for “avoidnt” — try fewer filters/ })).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/kind=/);
  await page.getByRole("checkbox", { name: "Article" }).check();
  await expect(page).toHaveURL(/kind=ARTICLE/);
  await expect(avoidant).toBeVisible();
  // The back button restores the previous filters.
  await page.goBack();
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByRole("checkbox", { name: "Article" })).not.toBeChecked();

  // Open it and favourite it.
  await avoidant.click();
  await expect(page.getByRole("heading", { level: 1, name: "Understanding avoidant attachment" })).toBeVisible();
  const favourite = page.getByRole("button", { name: "Favourite" });
  await expect(favourite).toHaveAttribute("aria-pressed", "false");
  await favourite.click();
  await expect(favourite).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("In your favourites", { exact: true })).toBeVisible();

  // Add it to a new reading plan.
  await page.getByLabel("Or start a new reading plan").fill(`Plan ${RUN}`);
  await page.getByRole("button", { name: "Create plan and add" }).click();
  await expect(page.getByRole("link", { name: `Plan ${RUN}` })).toBeVisible();

  // A second resource joins the same plan through the picker.
  await page.goto("/therapist/library/understanding-secure-attachment");
  await page.getByLabel("Add to a reading plan").selectOption({ label: `Plan ${RUN}` });
  await page.getByRole("button", { name: "Add to plan" }).click();
  await expect(page.getByRole("link", { name: `Plan ${RUN}` })).toBeVisible();

  await page.goto("/therapist/favourites");
  await expect(page.getByRole("link", { name: "Understanding avoidant attachment" })).toBeVisible();

  // Reorder with the keyboard; the move is announced and saved.
  await page.goto("/therapist/collections");
  await page.getByRole("link", { name: `Plan ${RUN}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Plan ${RUN}` })).toBeVisible();
  const order = page.getByRole("list", { name: "Resources in this plan, in reading order" }).getByRole("heading", { level: 2 }).getByRole("link");
  await expect(order).toHaveText(["Understanding avoidant attachment", "Understanding secure attachment"]);
  const moveUp = page.getByRole("button", { name: "Move up: “Understanding secure attachment”" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(order).toHaveText(["Understanding secure attachment", "Understanding avoidant attachment"]);
  await expect(page.getByRole("status").filter({ hasText: "Moved “Understanding secure attachment” to position 1 of 2." })).toBeAttached();
  // "Move up" is now disabled at the top, so focus stays with the moved item on "Move down".
  await expect(page.getByRole("button", { name: "Move down: “Understanding secure attachment”" })).toBeFocused();
  await page.reload();
  await expect(order).toHaveText(["Understanding secure attachment", "Understanding avoidant attachment"]);
});

test("write a private resource with a content note and see it rendered; a colleague cannot open it", async ({ page, browser, baseURL }) => {
  await signInAs(page, AUTHOR);
  await page.goto("/therapist/library/new");
  await expect(page.getByRole("heading", { level: 1, name: "Write a resource" })).toBeVisible();

  // Problems are reported at the field and in a summary.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some details need another look" })).toBeFocused();
  await expect(page.getByText("Give it a title.").first()).toBeVisible();

  const title = `Quiet harbour ${RUN}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A short settling practice for the end of a hard session.");
  await page.getByLabel("Kind").selectOption("EXERCISE");
  await page.getByLabel("Tags").fill("Grounding");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("button", { name: "Remove tag Grounding" })).toBeVisible();
  await page.getByLabel("What might be hard to read?").fill("Mentions the ending of a close relationship.");
  await page.getByLabel("Body").fill("## Arriving\n\n- Feet on the floor\n- One slow breath out\n\n| Step | Time |\n|---|---|\n| Notice | 1 min |");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Arriving" })).toBeVisible();
  await expect(preview.getByRole("table")).toBeVisible();

  // Intensity is required once there is a note.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Choose how intense the content is: mild, moderate or strong.").first()).toBeVisible();
  await page.getByLabel("How intense is it?").selectOption("MODERATE");
  await page.getByRole("button", { name: "Publish" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/therapist\/library\/quiet-harbour-/);
  const note = page.getByRole("region", { name: "Content note" });
  await expect(note).toContainText("Mentions the ending of a close relationship.");
  await expect(note).toContainText("Intensity: moderate.");
  await expect(page.getByText("Content note · moderate")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Arriving" })).toBeVisible();
  await expect(page.getByText("Mine · private")).toBeVisible();
  const url = page.url();

  // Editing keeps the address and shows the new version.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit “${title}”` })).toBeVisible();
  await expect(page.getByLabel("How intense is it?")).toHaveValue("MODERATE");
  await page.getByLabel("Title").fill(`${title}, revised`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title}, revised` })).toBeVisible();
  expect(page.url()).toBe(url);

  // A colleague gets the 404 page, and no search result.
  const other = await browser.newContext({ baseURL });
  const colleaguePage = await other.newPage();
  await signInAs(colleaguePage, COLLEAGUE);
  const response = await colleaguePage.goto(url);
  expect(response?.status()).toBe(404);
  await colleaguePage.goto(`/therapist/library?q=${encodeURIComponent(`quiet harbour ${RUN}`)}`);
  await expect(colleaguePage.getByRole("heading", { name: /No results for/ })).toBeVisible();
  await other.close();
});

test("a resource body full of script and javascript: links renders inert", async ({ page }) => {
  const db = e2eDatabase();
  const slug = `xss-check-${RUN}`;
  try {
    await db.resource.create({
      data: {
        slug,
        title: `<img src=x onerror="window.__xss=1"> XSS check ${RUN}`,
        summary: `<script>window.__xss=1</script> summary`,
        body: [
          "Before the payloads.",
          "<script>window.__xss=1</script>",
          '<img src=x onerror="window.__xss=1">',
          '<iframe src="javascript:window.__xss=1"></iframe>',
          "[x](javascript:window.__xss=1)",
          "[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
          '<svg onload="window.__xss=1"></svg>',
          "After the payloads.",
        ].join("\n\n"),
        kind: "ARTICLE",
        readingMinutes: 1,
        ownerId: authorId,
        visibility: "PRIVATE",
        status: "PUBLISHED",
      },
    });
  } finally {
    await db.$disconnect();
  }
  await signInAs(page, AUTHOR);
  await page.goto(`/therapist/library/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`XSS check ${RUN}`);
  await expect(page.getByText("After the payloads.")).toBeVisible();
  // The javascript: link is no link at all; clicking its text does nothing.
  await expect(page.getByRole("link", { name: "x", exact: true })).toHaveCount(0);
  await page.getByText("x", { exact: true }).click();
  await page.getByText("data link", { exact: true }).click();
  await expect(page.locator("main iframe, main script, main svg[onload], main img[onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // Titles in search results are text too.
  await page.goto(`/therapist/library?q=${encodeURIComponent(`xss check ${RUN}`)}`);
  await expect(page.getByRole("link", { name: new RegExp(`XSS check ${RUN}`) })).toContainText("<img src=x");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
