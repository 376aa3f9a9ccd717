import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium when present (Playwright cannot download browsers on these machines).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

// The app under test: a production build on a fresh embedded database, seeded with the demo data.
// No reminder worker: its emails would land in the outbox beside the ones e2e tests read
// (reminders have their own integration tests with a real SMTP server).
const dataDir = `.data/e2e-${PORT}`;
const serverCommand = [
  `rm -rf ${dataDir}`,
  ...(process.env.E2E_SKIP_BUILD ? [] : ["npm run build"]),
  // The server's log goes to a file too: the global teardown checks it holds no secrets.
  `mkdir -p ${dataDir}`,
  `(EMBEDDED_DB_DIR=${dataDir}/pglite OUTBOX_DIR=${dataDir}/outbox REMINDERS_WORKER=off APP_URL=${baseURL} NEXTAUTH_URL=${baseURL} npm start -- --port ${PORT} 2>&1 | tee ${dataDir}/server.log)`,
].join(" && ");

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/support/e2e-log-check.ts",
  // Per port, so parallel runs on one machine never delete each other's artifacts.
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: serverCommand,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI && Boolean(process.env.E2E_REUSE),
    // One JSON line per request goes to .data/e2e-<port>/server.log (read it when the server fails to start).
    stdout: "ignore",
    stderr: "pipe",
  },
});
