import { afterEach, beforeEach, vi } from "vitest";

// A stray console.error means something went wrong that no assertion caught: fail the test.
// Tests that expect one call `allowConsoleError()` first.
let allowed = false;
export function allowConsoleError() {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (allowed) return;
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
