// Runs first in `npm test` and `npm run test:e2e`: finds or provides the Chromium the end-to-end
// tests need, before anything is built — Debian's Chromium when present, Playwright's own browser
// when it is installed, Debian's package when running as root with apt, otherwise one clear
// sentence saying what to install (exit 1).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

function systemChromium(): string | undefined {
  return SYSTEM_CHROMIUM.find((file) => fs.existsSync(file));
}

function playwrightChromium(): string | undefined {
  try {
    const file = chromium.executablePath();
    return file && fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function canInstallWithApt(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

function installWithApt(): boolean {
  console.log("End-to-end tests need Chromium: installing Debian's package (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  if (update.status !== 0) return false;
  return spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env }).status === 0;
}

const found = systemChromium() ?? playwrightChromium() ?? (canInstallWithApt() && installWithApt() ? systemChromium() : undefined);
if (!found) {
  console.error(
    "No Chromium for the end-to-end tests: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, then run the tests again.",
  );
  process.exit(1);
}
if (process.env.ENSURE_BROWSER_VERBOSE) console.log(`Chromium for end-to-end tests: ${found}`);
