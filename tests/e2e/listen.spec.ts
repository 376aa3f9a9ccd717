// Listen: the reading read aloud with the browser's speech synthesis, driven here by a stub
// (an init script) so the test decides which voices exist and when each sentence ends.
import type { BrowserContext, Page } from "@playwright/test";
import { e2eDatabase, expect, test } from "./fixtures";
import { ensureUser, resetSignInThrottle, setPreferences, signedInState, UI_THERAPIST } from "./ui-support";

type Db = ReturnType<typeof e2eDatabase>;
type StubVoice = { name: string; lang: string; localService: boolean; default: boolean };

const LISTEN_CLIENT = "listen-client@haven.test";
// Long enough that the end is off screen at first: only listening (or scrolling) reaches 100%.
const FILLER = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of the rest, read slowly.`);
const LAST = FILLER.at(-1) ?? "";
const LOCAL_VOICE: StubVoice = { name: "Device voice", lang: "en-GB", localService: true, default: true };

/**
 * Replaces speechSynthesis and SpeechSynthesisUtterance before any page script runs. Utterances
 * start at once; `__speech.end()` ends the current one, `__speech.setVoices()` fires voiceschanged.
 */
function installSpeechStub(voices: StubVoice[]) {
  type Handler = ((event: unknown) => void) | null;
  class StubUtterance {
    text: string;
    rate = 1;
    lang = "";
    voice: unknown = null;
    onstart: Handler = null;
    onend: Handler = null;
    onerror: Handler = null;
    onboundary: Handler = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const queue: StubUtterance[] = [];
  const log: { event: string; text?: string; rate?: number; voice?: string }[] = [];
  let current: StubUtterance | null = null;
  let voiceList = voices;
  const listeners = new Set<() => void>();
  const fire = (u: StubUtterance, type: "start" | "end" | "error", extra: Record<string, unknown> = {}) =>
    u[`on${type}`]?.({ type, utterance: u, charIndex: 0, ...extra });
  const startNext = () => {
    current = queue.shift() ?? null;
    if (!current) return;
    log.push({ event: "start", text: current.text, rate: current.rate, voice: (current.voice as { name?: string } | null)?.name });
    fire(current, "start");
  };
  const synth = {
    paused: false,
    get speaking() {
      return current !== null;
    },
    get pending() {
      return queue.length > 0;
    },
    getVoices: () => voiceList,
    speak(u: StubUtterance) {
      queue.push(u);
      if (!current) startNext();
    },
    cancel() {
      const was = current;
      queue.length = 0;
      current = null;
      if (was) fire(was, "error", { error: "interrupted" });
    },
    pause() {
      this.paused = true;
      log.push({ event: "pause" });
    },
    resume() {
      this.paused = false;
      log.push({ event: "resume" });
    },
    addEventListener: (type: string, fn: () => void) => type === "voiceschanged" && listeners.add(fn),
    removeEventListener: (_type: string, fn: () => void) => listeners.delete(fn),
    onvoiceschanged: null,
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: StubUtterance, configurable: true });
  (window as unknown as { __speech: unknown }).__speech = {
    log,
    current: () => current?.text ?? null,
    end() {
      const was = current;
      current = null;
      if (was) fire(was, "end");
      // The page may already have queued (and so started) the next one from its end handler.
      if (!current) startNext();
    },
    setVoices(next: StubVoice[]) {
      voiceList = next;
      listeners.forEach((fn) => fn());
    },
  };
}

type SpeechHandle = { log: { event: string; text?: string; rate?: number; voice?: string }[]; current: () => string | null; end: () => void; setVoices: (v: StubVoice[]) => void };
const currentSentence = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechHandle }).__speech.current());
const endSentence = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechHandle }).__speech.end());
const speechLog = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechHandle }).__speech.log);
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get("haven-listen");
    if (!h) return null;
    return [...h].map((r) => (r as Range).toString()).join("");
  });

let db: Db;
let assignmentId: string;
let cookies: Awaited<ReturnType<BrowserContext["cookies"]>>;

test.beforeAll(async ({ browser }, testInfo) => {
  db = e2eDatabase();
  await resetSignInThrottle(db);
  const therapist = await ensureUser(db, UI_THERAPIST, "Robin Hale", "THERAPIST");
  const client = await ensureUser(db, LISTEN_CLIENT, "Sam Listener", "CLIENT");
  if (!(await db.careRelationship.findFirst({ where: { therapistId: therapist.id, clientId: client.id, status: "ACTIVE" } }))) {
    await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });
  }
  // A short reading of our own: three sentences, no content note, never read.
  const resource = await db.resource.upsert({
    where: { slug: "listen-e2e-short-reading" },
    create: {
      slug: "listen-e2e-short-reading",
      title: "A short reading to listen to",
      summary: "A few sentences, then many short paragraphs.",
      body: ["## Breathing out", "The first sentence is calm. The second sentence is slow!", "- A list item.", ...FILLER].join("\n\n"),
      kind: "ARTICLE",
      readingMinutes: 1,
      ownerId: therapist.id,
      visibility: "PRIVATE",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
    update: {},
    select: { id: true },
  });
  // A fresh, unread assignment for every run.
  await db.readingEvent.deleteMany({ where: { assignment: { clientId: client.id, resourceId: resource.id } } });
  await db.reflection.deleteMany({ where: { assignment: { clientId: client.id, resourceId: resource.id } } });
  await db.assignment.deleteMany({ where: { clientId: client.id, resourceId: resource.id } });
  assignmentId = (await db.assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id }, select: { id: true } })).id;
  cookies = (await signedInState(browser, testInfo.project.use.baseURL ?? "", LISTEN_CLIENT)).cookies;
});

test.afterAll(async () => {
  await setPreferences(db, LISTEN_CLIENT, {});
  await db.$disconnect();
});

test("play, pause, resume, speed, highlight; listening to the end counts as read", async ({ page, context }) => {
  await context.addCookies(cookies);
  await page.addInitScript(installSpeechStub, [LOCAL_VOICE]);
  // The page stays where it is, so the progress below comes from listening, not from scrolling.
  await page.addInitScript(() => {
    window.scrollBy = () => undefined;
  });
  await page.goto(`/client/readings/${assignmentId}`);
  const listen = page.getByRole("region", { name: "Listen" });
  const status = listen.getByRole("status");
  await expect(listen).toBeVisible();

  // Keyboard: Tab to the control and press Enter.
  await listen.getByRole("button", { name: "Listen" }).focus();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Reading aloud.");
  expect(await currentSentence(page)).toBe("Breathing out");
  await expect.poll(() => highlighted(page)).toBe("Breathing out");
  expect((await speechLog(page))[0]).toMatchObject({ event: "start", voice: "Device voice", rate: 1 });

  await endSentence(page);
  expect(await currentSentence(page)).toBe("The first sentence is calm.");
  await expect.poll(() => highlighted(page)).toBe("The first sentence is calm.");

  // Pause and resume, from the same button (focus stays on it).
  const toggle = listen.getByRole("button", { name: "Pause" });
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Paused.");
  await expect(listen.getByRole("button", { name: "Resume" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(status).toHaveText("Reading aloud.");
  expect((await speechLog(page)).map((e) => e.event)).toEqual(["start", "start", "pause", "resume"]);

  // A new speed restarts the current sentence at that speed.
  await listen.getByLabel("Speed").selectOption("1.5");
  await expect.poll(async () => (await speechLog(page)).at(-1)).toMatchObject({ event: "start", text: "The first sentence is calm.", rate: 1.5 });

  await endSentence(page);
  expect(await currentSentence(page)).toBe("The second sentence is slow!");
  await endSentence(page);
  expect(await currentSentence(page)).toBe("A list item.");
  await expect.poll(() => highlighted(page)).toBe("A list item.");
  // Not read to the end yet (the page was not scrolled: scrollBy is switched off in this test).
  expect(Number(await page.getByRole("progressbar", { name: "Reading progress" }).getAttribute("aria-valuenow"))).toBeLessThan(100);
  for (let i = 0; i < FILLER.length + 1; i++) await endSentence(page);
  expect(await currentSentence(page)).toBeNull();
  await expect(status).toHaveText("Finished reading aloud.");
  await expect.poll(() => highlighted(page)).toBeNull();
  // Counted like scrolling to the end: the server has 100%.
  await expect.poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { progress: true } })).progress).toBe(100);
  await expect(page.getByRole("progressbar", { name: "Reading progress" })).toHaveAttribute("aria-valuenow", "100");
});

test("stop ends the speech and the highlight; leaving the page silences it", async ({ page, context }) => {
  await context.addCookies(cookies);
  await page.addInitScript(installSpeechStub, [LOCAL_VOICE]);
  await page.goto(`/client/readings/${assignmentId}`);
  const listen = page.getByRole("region", { name: "Listen" });
  await listen.getByRole("button", { name: "Listen" }).click();
  await expect.poll(() => highlighted(page)).toBe("Breathing out");
  await listen.getByRole("button", { name: "Stop" }).click();
  expect(await currentSentence(page)).toBeNull();
  await expect.poll(() => highlighted(page)).toBeNull();
  await expect(listen.getByRole("button", { name: "Listen" })).toBeVisible();
});

test("keeps the sentence in view without smooth scrolling when the client prefers less motion", async ({ page, context }) => {
  await setPreferences(db, LISTEN_CLIENT, { reduceMotion: true });
  try {
    await context.addCookies(cookies);
    await page.setViewportSize({ width: 390, height: 500 });
    await page.addInitScript(installSpeechStub, [LOCAL_VOICE]);
    await page.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { scrollCalls: unknown[] }).scrollCalls = calls;
      const original = window.scrollBy.bind(window);
      window.scrollBy = ((options: ScrollToOptions) => {
        calls.push(options);
        original(options);
      }) as typeof window.scrollBy;
    });
    await page.goto(`/client/readings/${assignmentId}`);
    await expect(page.locator("html")).toHaveAttribute("data-motion", "reduce");
    await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Listen" }).click();
    for (let i = 0; i < 3 + FILLER.length; i++) await endSentence(page);
    expect(await currentSentence(page)).toBe(LAST);
    const calls = await page.evaluate(() => (window as unknown as { scrollCalls: ScrollToOptions[] }).scrollCalls);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.behavior).toBe("instant");
    // The sentence being read is on screen.
    const box = await page.getByText(LAST).boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 500).toBe(true);
  } finally {
    await setPreferences(db, LISTEN_CLIENT, {});
  }
});

test("no voice on this device: no Listen control; voices arriving later show it", async ({ page, context }) => {
  await context.addCookies(cookies);
  // Only a network voice: reading it would send the text elsewhere, so it does not count.
  await page.addInitScript(installSpeechStub, [{ name: "Cloud voice", lang: "en-US", localService: false, default: true }]);
  await page.goto(`/client/readings/${assignmentId}`);
  await expect(page.getByRole("progressbar", { name: "Reading progress" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Listen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Listen" })).toHaveCount(0);

  await page.evaluate((voice) => (window as unknown as { __speech: SpeechHandle }).__speech.setVoices([voice]), LOCAL_VOICE);
  await expect(page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Listen" })).toBeVisible();
});

test("no speech synthesis at all: no Listen control", async ({ page, context }) => {
  await context.addCookies(cookies);
  await page.addInitScript(() => {
    delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
  });
  await page.goto(`/client/readings/${assignmentId}`);
  await expect(page.getByRole("progressbar", { name: "Reading progress" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Listen" })).toHaveCount(0);
});

test("without a reduced-motion preference the sentence glides into view", async ({ page, context }) => {
  await context.addCookies(cookies);
  await page.setViewportSize({ width: 390, height: 500 });
  await page.addInitScript(installSpeechStub, [LOCAL_VOICE]);
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { scrollCalls: unknown[] }).scrollCalls = calls;
    window.scrollBy = ((options: ScrollToOptions) => void calls.push(options)) as typeof window.scrollBy;
  });
  await page.goto(`/client/readings/${assignmentId}`);
  await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Listen" }).click();
  for (let i = 0; i < 3 + FILLER.length; i++) await endSentence(page);
  const calls = await page.evaluate(() => (window as unknown as { scrollCalls: ScrollToOptions[] }).scrollCalls);
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) expect(call.behavior).toBe("smooth");
});
