// Print and PDF: a reading, a reading plan and a resource handout, printed by Chromium to PDF
// (page.pdf() uses the print styles) and read back with pdftotext (Debian's poppler-utils).
// The body is on paper; navigation, Quick exit, progress and buttons are not.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { e2eDatabase, expect, test } from "./fixtures";
import { ensureUiClient, ensureUser, resetSignInThrottle, setPreferences, signedInState, UI_CLIENT, UI_THERAPIST } from "./ui-support";

type Db = ReturnType<typeof e2eDatabase>;

/** Prints the page as Chromium does for "Save as PDF" and returns the PDF's text, whitespace collapsed. */
async function printedText(page: Page): Promise<string> {
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-print-"));
  try {
    const file = path.join(dir, "page.pdf");
    fs.writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A sentence from the first paragraph of a Markdown body (what a reader sees, unformatted). */
function firstSentence(markdown: string) {
  const paragraph = markdown.split(/\n\s*\n/).find((block) => /^[A-Z]/.test(block.trim()) && !block.trim().startsWith("#")) ?? "";
  const plain = paragraph.replace(/[*_`[\]]|\(https?:[^)]*\)/g, "").replace(/\s+/g, " ").trim();
  return plain.split(/(?<=[.!?])\s/)[0]?.slice(0, 60) ?? "";
}

async function signedIn(context: BrowserContext, baseURL: string, email: string) {
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  await context.addCookies((await signedInState(browser, baseURL, email)).cookies);
}

const NAVIGATION = ["Quick exit", "My readings", "Preferences", "Sign out", "Your account", "Skip to main content"];

let db: Db;
let reading: { assignmentId: string; title: string; body: string; minutes: number; contentNote: string; url: string | null };

test.beforeAll(async () => {
  db = e2eDatabase();
  await resetSignInThrottle(db);
  const ui = await ensureUiClient(db);
  const assignment = await db.assignment.findUniqueOrThrow({
    where: { id: ui.contentNoteAssignmentId },
    select: { resource: { select: { title: true, body: true, readingMinutes: true, contentNote: true, url: true } } },
  });
  reading = {
    assignmentId: ui.contentNoteAssignmentId,
    title: assignment.resource.title,
    body: assignment.resource.body,
    minutes: assignment.resource.readingMinutes,
    contentNote: assignment.resource.contentNote ?? "",
    url: assignment.resource.url,
  };
});

test.afterAll(async () => {
  await setPreferences(db, UI_CLIENT, {});
  await db.$disconnect();
});

test.describe("a client's reading", () => {
  for (const discreet of [true, false]) {
    test(`prints the reading only${discreet ? ", under a neutral header (discreet)" : ", under Haven's name"}`, async ({ page, context, baseURL }) => {
      await setPreferences(db, UI_CLIENT, { discreet });
      await signedIn(context, baseURL ?? "", UI_CLIENT);
      await page.goto(`/client/readings/${reading.assignmentId}?ready=1`);
      await expect(page.getByRole("heading", { level: 1, name: reading.title })).toBeVisible();
      await expect(page.getByRole("button", { name: "Quick exit" })).toBeVisible();

      const text = await printedText(page);
      expect(text).toContain(reading.title);
      expect(text).toContain(firstSentence(reading.body));
      expect(text).toContain(`about ${reading.minutes} min`);
      expect(text).toContain(`Content note: ${reading.contentNote.replace(/\s+/g, " ").slice(0, 40)}`);
      for (const word of [...NAVIGATION, "Reading progress", "Mark as done", "What my therapist sees", "Speed"]) {
        expect(text, `"${word}" printed`).not.toContain(word);
      }
      if (discreet) {
        expect(text).not.toContain("Haven");
        expect(text).not.toContain("Robin Hale");
        expect(text.trim().startsWith("Reading")).toBe(true);
      } else {
        expect(text).toContain("Haven · shared by Robin Hale");
      }
    });
  }
});

test.describe("a therapist's handout and reading plan", () => {
  test("a resource prints as a handout, with a Print button on the page", async ({ page, context, baseURL }) => {
    await signedIn(context, baseURL ?? "", "therapist@haven.test");
    const resource = await db.resource.findUniqueOrThrow({ where: { slug: "understanding-anxious-attachment" }, select: { title: true, body: true, readingMinutes: true } });
    await page.goto("/therapist/library/understanding-anxious-attachment");
    await expect(page.getByRole("heading", { level: 1, name: resource.title })).toBeVisible();

    // The button opens the browser's print dialog (window.print), counted here instead of shown.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole("button", { name: "Print a handout" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    const text = await printedText(page);
    expect(text).toContain(resource.title);
    expect(text).toContain(firstSentence(resource.body));
    expect(text).toContain(`${resource.readingMinutes} min read`);
    expect(text).toContain("From the shared library");
    for (const word of ["Clients", "Library", "Reading plans", "Favourites", "Sign out", "Back to the library", "Print a handout", "Assign", "Favourite", "Your clients"]) {
      expect(text, `"${word}" printed`).not.toContain(word);
    }
  });

  test("a reading plan prints its readings, not its controls", async ({ page, context, baseURL }) => {
    const therapist = await ensureUser(db, UI_THERAPIST, "Robin Hale", "THERAPIST");
    const items = await db.resource.findMany({ where: { status: "PUBLISHED", ownerId: null }, orderBy: { slug: "asc" }, take: 2, select: { id: true, title: true } });
    const plan = await db.collection.create({
      data: { ownerId: therapist.id, title: "Printed plan for the week", description: "Two short pieces.", items: { create: items.map((r, position) => ({ resourceId: r.id, position })) } },
      select: { id: true },
    });
    try {
      await signedIn(context, baseURL ?? "", UI_THERAPIST);
      await page.goto(`/therapist/collections/${plan.id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Printed plan for the week" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
      const text = await printedText(page);
      expect(text).toContain("Printed plan for the week");
      expect(text).toContain("Two short pieces.");
      for (const item of items) expect(text).toContain(item.title.slice(0, 30));
      for (const word of ["Move up", "Move down", "Remove", "Rename or describe", "Delete plan", "All reading plans", "Sign out", "Favourites"]) {
        expect(text, `"${word}" printed`).not.toContain(word);
      }
    } finally {
      await db.collection.delete({ where: { id: plan.id } });
    }
  });
});
