// npm run screenshots — the screenshot gallery in tests/screenshots/gallery/.
// Starts Haven like playwright.config.ts does (a production build on a fresh embedded database
// with the demo data), or uses a running one at SCREENSHOT_BASE_URL, signs in as each demo role
// and captures the main pages at 390 px and 1280 px wide, in light and dark.
//   SCREENSHOT_BASE_URL=http://localhost:3000  reuse a running server (demo data expected)
//   SCREENSHOT_PORT=3190                       port for the server this script starts
//   SCREENSHOT_SKIP_BUILD=1                    reuse the last `npm run build`
//   SCREENSHOT_ONLY=client                     only names containing this text
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO_EMAILS, SHOTS, type Shot, type ShotRole } from "./pages";

const OUT_DIR = path.resolve("tests/screenshots/gallery");
const DEMO_PASSWORD = "haven-demo-password";
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ["light", "dark"] as const;

function log(line: string) {
  process.stdout.write(`screenshots: ${line}\n`);
}

async function waitForHealth(baseURL: string, timeoutMs: number, server: ChildProcess | null) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode}); see its output above`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`Haven did not answer at ${baseURL}/api/health within ${timeoutMs / 1000} s`);
}

/** The same recipe as playwright.config.ts: fresh data dir, optional build, npm start. */
function startServer(port: number): ChildProcess {
  const baseURL = `http://localhost:${port}`;
  const dataDir = `.data/screenshots-${port}`;
  const command = [
    `rm -rf ${dataDir}`,
    ...(process.env.SCREENSHOT_SKIP_BUILD ? [] : ["npm run build"]),
    `EMBEDDED_DB_DIR=${dataDir}/pglite OUTBOX_DIR=${dataDir}/outbox APP_URL=${baseURL} NEXTAUTH_URL=${baseURL} npm start -- --port ${port}`,
  ].join(" && ");
  log(`starting Haven on ${baseURL} (${process.env.SCREENSHOT_SKIP_BUILD ? "last build" : "building first"})`);
  return spawn("sh", ["-c", command], { stdio: ["ignore", "inherit", "inherit"], detached: true });
}

function stopServer(server: ChildProcess | null) {
  if (!server?.pid) return;
  try {
    // The whole process group: npm, the launcher, Next.js and the embedded database.
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

async function signedInState(browser: Browser, baseURL: string, role: ShotRole) {
  if (role === "signed-out") return undefined;
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO_EMAILS[role]);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { timeout: 20_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

type Sharp = (input: string) => { png: (options: object) => { toBuffer: () => Promise<Buffer> } };

/**
 * Screenshots are committed, so keep them small: a 256-colour palette PNG is about a third of
 * the size and looks the same for flat UI. sharp comes with Next.js as an optional dependency;
 * without it the plain PNGs are kept.
 */
async function loadCompressor(): Promise<((file: string) => Promise<void>) | null> {
  try {
    const moduleName = "sharp";
    const sharp = ((await import(moduleName)) as { default: Sharp }).default;
    return async (file) => {
      const smaller = await sharp(file).png({ palette: true, quality: 90, compressionLevel: 9, effort: 8 }).toBuffer();
      if (smaller.length < fs.statSync(file).size) fs.writeFileSync(file, smaller);
    };
  } catch {
    log("sharp is not installed; keeping uncompressed PNGs");
    return null;
  }
}

async function capture(context: BrowserContext, shot: Shot, file: string): Promise<"saved" | "missing"> {
  const page = await context.newPage();
  try {
    const target = typeof shot.path === "string" ? shot.path : await shot.path(page);
    if (!target) return "missing";
    const response = await page.goto(target);
    if (!response || response.status() >= 400) return "missing";
    await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
    await shot.prepare?.(page);
    // Let fonts settle and any skeletons resolve before the capture.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    // Whole pages only on phones (the reading experience is phone-first); a first screen otherwise.
    const fullPage = Boolean(shot.fullPage) && (page.viewportSize()?.width ?? 0) < 600;
    await page.screenshot({ path: file, fullPage, animations: "disabled", caret: "hide" });
    return "saved";
  } finally {
    await page.close();
  }
}

async function main() {
  const reuse = process.env.SCREENSHOT_BASE_URL?.replace(/\/$/, "");
  const port = Number(process.env.SCREENSHOT_PORT ?? 3190);
  const baseURL = reuse ?? `http://localhost:${port}`;
  const server = reuse ? null : startServer(port);
  const only = process.env.SCREENSHOT_ONLY;
  const shots = only ? SHOTS.filter((shot) => shot.name.includes(only)) : SHOTS;

  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  let browser: Browser | null = null;
  try {
    await waitForHealth(baseURL, 300_000, server);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    browser = await chromium.launch({ executablePath, args: executablePath ? ["--no-sandbox", "--disable-gpu"] : [] });

    const roles = [...new Set(shots.map((shot) => shot.role))];
    const states = new Map<ShotRole, Awaited<ReturnType<typeof signedInState>>>();
    for (const role of roles) states.set(role, await signedInState(browser, baseURL, role));

    const compress = await loadCompressor();
    let saved = 0;
    const missing = new Set<string>();
    for (const shot of shots) {
      for (const viewport of WIDTHS) {
        for (const scheme of SCHEMES) {
          const context = await browser.newContext({
            baseURL,
            viewport,
            deviceScaleFactor: 1,
            colorScheme: scheme,
            reducedMotion: "reduce",
            storageState: states.get(shot.role),
          });
          const file = path.join(OUT_DIR, `${shot.name}-${viewport.width}-${scheme}.png`);
          const result = await capture(context, shot, file);
          await context.close();
          if (result === "saved") {
            saved += 1;
            await compress?.(file);
          }
          else missing.add(shot.name);
        }
      }
      log(`${missing.has(shot.name) ? "skipped (page not available)" : "captured"} ${shot.name}`);
    }
    log(`${saved} screenshot(s) in ${path.relative(process.cwd(), OUT_DIR)}${missing.size ? `; skipped: ${[...missing].join(", ")}` : ""}`);
  } finally {
    await browser?.close();
    stopServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${(error as Error).message}`);
  process.exit(1);
});
