// Runs first in `npm test` and `npm run test:e2e`: finds or provides what the end-to-end tests need,
// before anything is built — a Chromium (Debian's when present, Playwright's own browser when it is
// installed, Debian's package when running as root with apt) and `pdftotext` for the print tests
// (Debian's poppler-utils, installed the same way) — otherwise one clear sentence saying what to
// install (exit 1).
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

let aptUpdated = false;
function installWithApt(pkg: string, why: string): boolean {
  console.log(`End-to-end tests need ${why}: installing Debian's package (apt-get install -y ${pkg})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    if (spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status !== 0) return false;
    aptUpdated = true;
  }
  return spawnSync("apt-get", ["install", "-y", "-qq", pkg], { stdio: "inherit", env }).status === 0;
}

const hasPdftotext = () => spawnSync("sh", ["-c", "command -v pdftotext"], { stdio: "ignore" }).status === 0;

const found = systemChromium() ?? playwrightChromium() ?? (canInstallWithApt() && installWithApt("chromium", "Chromium") ? systemChromium() : undefined);
if (!found) {
  console.error(
    "No Chromium for the end-to-end tests: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, then run the tests again.",
  );
  process.exit(1);
}
if (process.env.ENSURE_BROWSER_VERBOSE) console.log(`Chromium for end-to-end tests: ${found}`);
if (!hasPdftotext() && !(canInstallWithApt() && installWithApt("poppler-utils", "pdftotext") && hasPdftotext())) {
  console.error("No pdftotext for the print tests: install it with `sudo apt-get install -y poppler-utils` (Debian/Ubuntu), then run the tests again.");
  process.exit(1);
}
