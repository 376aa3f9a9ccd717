// Every page of every role, light and dark, with dialogs open where a page has one:
// zero serious or critical axe violations (WCAG 2.0/2.1/2.2 A and AA rules); on client pages
// zero violations of any impact, with axe's best-practice rules too.
import AxeBuilder from "@axe-core/playwright";
import { e2eDatabase, expect, test } from "./fixtures";
import { PAGES, type Ids, type Role } from "./page-list";
import { ensureUiClient, ensureUser, resetSignInThrottle, cachedSignIn, UI_CLIENT, UI_THERAPIST } from "./ui-support";

const EMAILS: Record<Exclude<Role, "signed-out">, string> = {
  therapist: "therapist@haven.test",
  client: UI_CLIENT,
  admin: "admin@haven.test",
  "ui-therapist": UI_THERAPIST,
};

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let ids: Ids;

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    const ui = await ensureUiClient(db);
    const uiTherapist = await ensureUser(db, UI_THERAPIST, "Robin Hale", "THERAPIST");
    const collection =
      (await db.collection.findFirst({ where: { ownerId: uiTherapist.id }, select: { id: true } })) ??
      (await db.collection.create({ data: { ownerId: uiTherapist.id, title: "A gentle start", description: "Short, steady first readings." }, select: { id: true } }));
    const demo = await db.user.findMany({ where: { email: { in: ["client@haven.test", "therapist@haven.test"] } }, select: { id: true, email: true } });
    ids = {
      demoClientId: demo.find((u) => u.email === "client@haven.test")?.id ?? "missing",
      demoTherapistId: demo.find((u) => u.email === "therapist@haven.test")?.id ?? "missing",
      contentNoteAssignmentId: ui.contentNoteAssignmentId,
      plainAssignmentId: ui.plainAssignmentId,
      collectionId: collection.id,
      resourceSlug: "understanding-anxious-attachment",
    };
  } finally {
    await db.$disconnect();
  }
});

const signInAs = cachedSignIn<Role>(EMAILS);

function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n  ")}`)
    .join("\n");
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    for (const check of PAGES) {
      test(`${check.name} [${check.role}]`, async ({ page, context, baseURL }) => {
        await signInAs(context, check.role, baseURL ?? "");
        // Also the device cookie, for accounts that never chose a theme (the account wins otherwise).
        await context.addCookies([{ name: "haven-theme", value: scheme, url: baseURL ?? "" }]);
        const path = typeof check.path === "string" ? check.path : check.path(ids);
        const response = await page.goto(path);
        if (check.status !== null) expect(response?.status(), `HTTP status of ${path}`).toBe(check.status ?? 200);
        await expect(page.locator("h1").first()).toBeVisible();
        await check.setup?.(page);
        // The theme really is applied: dark runs check dark tokens, light runs light ones.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(scheme);

        // Client pages: no violation of any impact, best-practice rules (landmarks, `region`) included.
        if (check.role === "client" && path.startsWith("/client")) {
          const all = await new AxeBuilder({ page }).analyze();
          expect(all.violations, `axe violations on ${path}:\n${describeViolations(all.violations)}`).toEqual([]);
          return;
        }
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious, `serious or critical axe violations on ${path}:\n${describeViolations(serious)}`).toEqual([]);
      });
    }
  });
}
