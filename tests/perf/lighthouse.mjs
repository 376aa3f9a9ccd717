// `npm run lighthouse`: Lighthouse (mobile preset, its default) in Debian's Chromium against a
// running Haven, on /signin, a client's reading page (signed in) and /therapist/library.
//   LIGHTHOUSE_BASE_URL=http://127.0.0.1:3000 npm run lighthouse   (needs the demo accounts: npm run db:seed)
// Prints the scores; exits 1 when one is under target (performance ≥ 95, accessibility 100,
// best practices ≥ 95). A speed check, so it lives here and not in `npm test`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { signIn as signInAt } from "./sign-in.mjs";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const base = (process.env.LIGHTHOUSE_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const password = process.env.LIGHTHOUSE_PASSWORD ?? "haven-demo-password";
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95 };

const signIn = (email) => signInAt(base, email, password);

async function firstReadingPath(cookie) {
  const html = await (await fetch(`${base}/client`, { headers: { cookie } })).text();
  const match = /href="(\/client\/readings\/[^"?]+)"/.exec(html);
  if (!match) throw new Error("The demo client has no readings to open.");
  return match[1];
}

async function audit(path, cookie) {
  const args = [
    require.resolve("lighthouse/cli/index.js"),
    `${base}${path}`,
    "--quiet",
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility,best-practices",
    "--chrome-flags=--headless --no-sandbox",
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ cookie })}`);
  const { stdout } = await run(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout);
  const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
  const failing = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
    .map((a) => a.id);
  return { scores, failing, metrics: { lcp: report.audits["largest-contentful-paint"]?.displayValue, tbt: report.audits["total-blocking-time"]?.displayValue } };
}

const client = await signIn("client@haven.test");
const therapist = await signIn("therapist@haven.test");
const pages = [
  { name: "/signin", path: "/signin" },
  { name: "client reading page", path: await firstReadingPath(client), cookie: client },
  { name: "/therapist/library", path: "/therapist/library", cookie: therapist },
];

let ok = true;
console.log("| page | performance | accessibility | best practices | LCP | TBT |\n|---|---|---|---|---|---|");
for (const page of pages) {
  const { scores, failing, metrics } = await audit(page.path, page.cookie);
  for (const [id, target] of Object.entries(TARGETS)) if ((scores[id] ?? 0) < target) ok = false;
  console.log(`| ${page.name} | ${scores.performance} | ${scores.accessibility} | ${scores["best-practices"]} | ${metrics.lcp} | ${metrics.tbt} |`);
  if (failing.length) console.error(`  ${page.name}: audits below full marks: ${failing.join(", ")}`);
}
if (!ok) {
  console.error(`Below target (performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS["best-practices"]}).`);
  process.exit(1);
}
