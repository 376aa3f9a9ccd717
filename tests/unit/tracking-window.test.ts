import { describe, expect, it } from "vitest";
import { classifyOpen, isPrefetchOrBot, openBucket, openIdempotencyKey, OPEN_WINDOW_MS } from "../../server/services/tracking/events";

const t0 = new Date("2026-05-04T10:00:00Z");
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe("open window", () => {
  it("calls the first render an open", () => {
    expect(classifyOpen({ firstOpenedAt: null, lastOpenedAt: null }, t0)).toBe("OPENED");
  });

  it("folds renders within 30 minutes of the latest open into it", () => {
    const summary = { firstOpenedAt: t0, lastOpenedAt: t0 };
    expect(classifyOpen(summary, plus(0))).toBeNull();
    expect(classifyOpen(summary, plus(OPEN_WINDOW_MS - 1))).toBeNull();
    expect(classifyOpen(summary, plus(-5000))).toBeNull();
  });

  it("counts a render 30 minutes or more after the latest open as a re-open", () => {
    expect(classifyOpen({ firstOpenedAt: t0, lastOpenedAt: t0 }, plus(OPEN_WINDOW_MS))).toBe("REOPENED");
    expect(classifyOpen({ firstOpenedAt: t0, lastOpenedAt: plus(OPEN_WINDOW_MS) }, plus(OPEN_WINDOW_MS + 60_000))).toBeNull();
  });

  it("gives renders in one 30-minute bucket the same key, and the next bucket a new one", () => {
    expect(openBucket(plus(0))).toBe(openBucket(plus(OPEN_WINDOW_MS - 1)));
    expect(openBucket(plus(OPEN_WINDOW_MS))).toBe(openBucket(t0) + 1);
    expect(openIdempotencyKey("abc", t0)).toBe(`open:abc:${Math.floor(t0.getTime() / OPEN_WINDOW_MS)}`);
    expect(openIdempotencyKey("abc", plus(10 * 60_000))).toBe(openIdempotencyKey("abc", t0));
  });
});

describe("prefetch and bot detection", () => {
  const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36";
  const headers = (extra: Record<string, string>) => new Headers({ "user-agent": chrome, ...extra });

  it("lets a real navigation through (headless browsers included)", () => {
    expect(isPrefetchOrBot(headers({}))).toBe(false);
    expect(isPrefetchOrBot(headers({ rsc: "1" }))).toBe(false);
  });

  it.each([
    [{ "next-router-prefetch": "1" }],
    [{ "next-router-segment-prefetch": "/_tree" }],
    [{ purpose: "prefetch" }],
    [{ "sec-purpose": "prefetch;prerender" }],
    [{ "x-purpose": "preview" }],
    [{ "x-moz": "prefetch" }],
  ])("skips %o", (extra) => {
    expect(isPrefetchOrBot(headers(extra))).toBe(true);
  });

  it.each(["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "facebookexternalhit/1.1", "WhatsApp/2.23.20.0", "Mozilla/5.0 (compatible; Googlebot/2.1)", "TelegramBot (like TwitterBot)", "Mozilla/5.0 (compatible; Discordbot/2.0)", ""])(
    "skips the agent %j",
    (agent) => {
      expect(isPrefetchOrBot(new Headers({ "user-agent": agent }))).toBe(true);
    },
  );
});
