// Phones first: every page of every role at 320, 390 and 768 px, filled with hostile text
// (unbroken 300-character words and links in names, emails, titles, tags, notes, reflections,
// plan names). No page scrolls sideways; on client pages Quick exit is fully on screen and on top
// at the top and the bottom of the page; axe finds nothing at all on client pages (best-practice
// rules such as `region` included) and nothing serious elsewhere, tap-target size included.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { e2eDatabase, expect, test } from "./fixtures";
import { ensureHostileContent, HOSTILE, PHONE_CLIENT, PHONE_THERAPIST } from "./hostile-content";
import { PAGES, type Ids, type Role } from "./page-list";
import { resetSignInThrottle, cachedSignIn } from "./ui-support";

const WIDTHS = [320, 390, 768] as const;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const EMAILS: Record<Exclude<Role, "signed-out">, string> = {
  therapist: PHONE_THERAPIST,
  "ui-therapist": PHONE_THERAPIST,
  client: PHONE_CLIENT,
  admin: "admin@haven.test",
};

let ids: Ids;

test.beforeAll(async () => {
  const db = e2eDatabase();
  try {
    await resetSignInThrottle(db);
    const hostile = await ensureHostileContent(db);
    ids = {
      demoClientId: hostile.clientId,
      demoTherapistId: hostile.therapistId,
      contentNoteAssignmentId: hostile.contentNoteAssignmentId,
      plainAssignmentId: hostile.plainAssignmentId,
      collectionId: hostile.collectionId,
      resourceSlug: hostile.resourceSlug,
    };
  } finally {
    await db.$disconnect();
  }
});

const signInAs = cachedSignIn<Role>(EMAILS);

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const root = document.documentElement;
    // Name the widest culprits, to make a failure actionable.
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed")
      .filter((el) => !el.closest(".table-scroll, pre, [data-scroll-x]") || el.matches(".table-scroll, pre, [data-scroll-x]"))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").slice(0, 3).join(".")}` : ""} → ${Math.round(el.getBoundingClientRect().right)}px`);
    return { scrollWidth: root.scrollWidth, innerWidth: width, culprits };
  });
}

/** Quick exit's box lies inside the viewport and nothing covers its centre. */
async function expectQuickExitOnScreen(page: Page, where: string) {
  const button = page.getByRole("button", { name: "Quick exit" });
  await expect(button, `Quick exit on ${where}`).toBeVisible();
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport, where).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.x, `Quick exit left edge on ${where}`).toBeGreaterThanOrEqual(0);
  expect(box.y, `Quick exit top edge on ${where}`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `Quick exit right edge on ${where}`).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height, `Quick exit bottom edge on ${where}`).toBeLessThanOrEqual(viewport.height);
  expect(box.width, "Quick exit tap target").toBeGreaterThanOrEqual(44);
  expect(box.height, "Quick exit tap target").toBeGreaterThanOrEqual(44);
  const onTop = await button.evaluate((el) => {
    const r = el.getBoundingClientRect();
    // The centre and the middle of each edge (the corners are rounded off).
    const corners: [number, number][] = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + r.width / 2, r.top + 3],
      [r.left + r.width / 2, r.bottom - 3],
      [r.left + 3, r.top + r.height / 2],
      [r.right - 3, r.top + r.height / 2],
    ];
    return corners.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
  });
  expect(onTop, `nothing covers Quick exit on ${where}`).toBe(true);
}

function describe(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
}

for (const width of WIDTHS) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 740 }, hasTouch: width < 768, isMobile: false });

    for (const check of PAGES) {
      test(`${check.name} [${check.role}]`, async ({ page, context, baseURL }) => {
        await signInAs(context, check.role, baseURL ?? "");
        const path = typeof check.path === "string" ? check.path : check.path(ids);
        const response = await page.goto(path);
        if (check.status !== null) expect(response?.status(), `HTTP status of ${path}`).toBe(check.status ?? 200);
        await expect(page.locator("h1").first()).toBeVisible();
        await check.setup?.(page);

        const top = await horizontalOverflow(page);
        // (checked before anything scrolls)
        expect(top.scrollWidth, `${path} at ${width}px scrolls sideways; widest: ${top.culprits.join(", ")}`).toBeLessThanOrEqual(top.innerWidth);

        const clientPage = check.role === "client" && path.startsWith("/client");
        if (clientPage) await expectQuickExitOnScreen(page, `${path} (top)`);

        // The bottom of the page (sticky progress bar, long lists) too.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const bottom = await horizontalOverflow(page);
        expect(bottom.scrollWidth, `${path} at ${width}px (bottom) scrolls sideways; widest: ${bottom.culprits.join(", ")}`).toBeLessThanOrEqual(bottom.innerWidth);
        if (clientPage) await expectQuickExitOnScreen(page, `${path} (bottom)`);
        await page.evaluate(() => window.scrollTo(0, 0));

        const axe = clientPage ? new AxeBuilder({ page }) : new AxeBuilder({ page }).withTags(WCAG_TAGS);
        const { violations } = await axe.analyze();
        const failing = clientPage ? violations : violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(failing, `axe on ${path} at ${width}px:\n${describe(failing)}`).toEqual([]);
      });
    }
  });
}

test.describe("hostile text is really on the pages", () => {
  test("the client's readings show the therapist's long link", async ({ page, context, baseURL }) => {
    await signInAs(context, "client", baseURL ?? "");
    await page.goto("/client");
    await expect(page.getByText(HOSTILE.note.slice(0, 60)).first()).toBeVisible();
  });
});

test.describe("compact header", () => {
  for (const [role, width] of [["client", 320], ["client", 390], ["therapist", 390], ["admin", 390]] as const) {
    test(`one row at ${width} px, the rest behind a Menu button [${role}]`, async ({ page, context, baseURL }) => {
      await page.setViewportSize({ width, height: 740 });
      await signInAs(context, role, baseURL ?? "");
      await page.goto(role === "client" ? "/client" : role === "therapist" ? "/therapist" : "/admin");
      const banner = page.getByRole("banner");
      const trigger = banner.getByRole("button", { name: "Menu" });
      // One row: Haven's name and the Menu button side by side, the header no taller than one control.
      const header = await banner.boundingBox();
      expect(header?.height ?? 999).toBeLessThanOrEqual(64);
      const haven = await banner.getByRole("link", { name: "Haven" }).boundingBox();
      const button = await trigger.boundingBox();
      expect(Math.abs((haven?.y ?? 0) + (haven?.height ?? 0) / 2 - ((button?.y ?? 0) + (button?.height ?? 0) / 2))).toBeLessThan(4);
      expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
      // Nothing squeezed: the icon keeps its size, and the button ends before Quick exit begins.
      const icon = await trigger.locator("svg").boundingBox();
      expect(icon?.width ?? 0).toBeGreaterThanOrEqual(19);
      if (role === "client") {
        const exit = await page.getByRole("button", { name: "Quick exit" }).boundingBox();
        expect((button?.x ?? 0) + (button?.width ?? 0)).toBeLessThanOrEqual(exit?.x ?? 0);
      }

      const panelId = await trigger.getAttribute("aria-controls");
      expect(panelId).toBeTruthy();
      const panel = page.locator(`[id="${panelId}"]`);
      await expect(trigger).toHaveAttribute("aria-expanded", "false");
      await expect(panel).toBeHidden();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

      // Keyboard: open, Tab into the panel, Escape closes and focus returns to the button.
      await trigger.focus();
      await page.keyboard.press("Enter");
      await expect(trigger).toHaveAttribute("aria-expanded", "true");
      await expect(panel).toBeVisible();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link").first()).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(trigger).toHaveAttribute("aria-expanded", "false");
      await expect(trigger).toBeFocused();
      await expect(panel).toBeHidden();

      // Everything in it is reachable by Tab, and tabbing past its end folds it away.
      await page.keyboard.press("Space");
      await expect(panel).toBeVisible();
      await expect(panel.getByRole("link", { name: /your account/i })).toBeVisible();
      await expect(panel.getByRole("button", { name: "Sign out" })).toBeVisible();
      await panel.getByRole("button", { name: "Sign out" }).focus();
      await page.keyboard.press("Tab");
      await expect(trigger).toHaveAttribute("aria-expanded", "false");

      // Touch: a tap opens it, a tap outside closes it, a link closes it on the way.
      await trigger.click();
      await expect(panel).toBeVisible();
      // A tap on the page's margin, below the open panel.
      await page.mouse.click(4, 730);
      await expect(panel).toBeHidden();
      await trigger.click();
      const second = page.getByRole("navigation", { name: "Main" }).getByRole("link").nth(1);
      const href = await second.getAttribute("href");
      await second.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(panel).toBeHidden();
      await expect(trigger).toHaveAttribute("aria-expanded", "false");
    });
  }

  test("wide screens show the whole row and no Menu button", async ({ page, context, baseURL }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(context, "therapist", baseURL ?? "");
    await page.goto("/therapist");
    await expect(page.getByRole("banner").getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
