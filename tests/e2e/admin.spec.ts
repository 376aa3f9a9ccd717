import crypto from "node:crypto";
import { hashPassword } from "../../server/services/accounts/passwords";
import { readEml, resetTokenIn, latestMailTo } from "../support/mail";
import { DEMO_PASSWORD, E2E_DATA_DIR, e2eDatabase, expect, signIn, test } from "./fixtures";

const THERAPIST_EMAIL = "therapist@haven.test";
const THERAPIST_NAME = "Dr. Maya Rivera";

test.describe("admin console", () => {
  test("deactivating the demo therapist sends their open session to sign-in; reactivating lets them back", async ({ page, browser }) => {
    const therapistContext = await browser.newContext();
    const therapistPage = await therapistContext.newPage();
    try {
      await signIn(therapistPage, THERAPIST_EMAIL);
      await expect(therapistPage).toHaveURL(/\/therapist$/);

      await signIn(page, "admin@haven.test");
      await expect(page).toHaveURL(/\/admin$/);
      await page.goto(`/admin/accounts?q=${encodeURIComponent(THERAPIST_EMAIL)}`);
      const row = page.getByRole("row", { name: new RegExp(THERAPIST_NAME) });
      await expect(row.getByText("Active", { exact: true })).toBeVisible();

      await page.getByRole("button", { name: `Actions for ${THERAPIST_NAME}` }).click();
      await page.getByRole("menuitem", { name: "Deactivate" }).click();
      const dialog = page.getByRole("dialog", { name: `Deactivate ${THERAPIST_NAME}?` });
      await expect(dialog.getByText("Their clients' reading histories stay intact")).toBeVisible();
      await dialog.getByRole("button", { name: "Deactivate account" }).click();
      await expect(page.getByText(`${THERAPIST_NAME}'s account is deactivated.`)).toBeVisible();
      await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();

      // The therapist's very next navigation ends on the sign-in page.
      await therapistPage.goto("/therapist");
      await expect(therapistPage).toHaveURL(/\/signin/);
      await signIn(therapistPage, THERAPIST_EMAIL);
      await expect(therapistPage.getByText("That email and password don't match an active account")).toBeVisible();

      await page.getByRole("button", { name: `Actions for ${THERAPIST_NAME}` }).click();
      await page.getByRole("menuitem", { name: "Reactivate" }).click();
      await page.getByRole("dialog", { name: `Reactivate ${THERAPIST_NAME}?` }).getByRole("button", { name: "Reactivate account" }).click();
      await expect(page.getByText(`${THERAPIST_NAME}'s account is active again.`)).toBeVisible();
      await expect(row.getByText("Active", { exact: true })).toBeVisible();

      await signIn(therapistPage, THERAPIST_EMAIL);
      await expect(therapistPage).toHaveURL(/\/therapist$/);
    } finally {
      // Other spec files rely on the demo therapist: leave it active whatever happened above.
      const db = e2eDatabase();
      await db.user.update({ where: { email: THERAPIST_EMAIL }, data: { status: "ACTIVE", lockedUntil: null, failedLoginCount: 0 } });
      await db.$disconnect();
      await therapistContext.close();
    }

    // The audit trail shows what happened to the therapist, and what they did.
    await page.goto("/admin/audit");
    await page.getByLabel("About (type)").selectOption("User");
    await page.getByLabel("About (id)").fill(THERAPIST_EMAIL);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/targetId=therapist%40haven\.test/);
    const events = page.getByRole("table", { name: "Audit events, newest first" });
    await expect(events.getByRole("row", { name: /Account deactivated/ })).toBeVisible();
    await expect(events.getByRole("row", { name: /Account reactivated/ })).toBeVisible();

    await page.goto(`/admin/audit?actor=${encodeURIComponent(THERAPIST_EMAIL)}&action=auth.sign_in`);
    await expect(page.getByLabel("Who did it")).toHaveValue(THERAPIST_EMAIL);
    await expect(events.getByRole("row", { name: /Auth sign in/ }).first()).toBeVisible();
    await expect(events.getByRole("row", { name: /Account deactivated/ })).toHaveCount(0);

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloadPromise;
    const csv = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(csv as Buffer[]).toString("utf8");
    expect(text.split("\n")[0]).toContain("time_utc,actor_email");
    expect(text).toContain(`${THERAPIST_EMAIL},${THERAPIST_NAME},THERAPIST,auth.sign_in`);
  });

  test("invites a colleague and shows the one-time link when there is no mail server", async ({ page }) => {
    const email = `colleague-${crypto.randomBytes(3).toString("hex")}@example.test`;
    await signIn(page, "admin@haven.test");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/accounts");
    await page.getByRole("button", { name: "Invite staff" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a therapist or admin" });
    await dialog.getByLabel("Name").fill("Robin Colleague");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("radio", { name: "Therapist" }).check();
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog.getByRole("status", { name: `Pass this invitation link on to ${email}` })).toBeVisible();
    await expect(dialog.getByRole("textbox", { name: "Link" })).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("region", { name: "Invitations waiting to be accepted" }).getByText(email)).toBeVisible();
    await page.getByRole("button", { name: "Withdraw the invitation for Robin Colleague" }).click();
    await expect(page.getByText("Invitation withdrawn.")).toBeVisible();
  });
  test("shows a client's reading history only when asked, and records that read", async ({ page }) => {
    await signIn(page, "admin@haven.test");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/accounts?q=client%40haven.test");
    await page.getByRole("link", { name: "Jordan Lee" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Jordan Lee" })).toBeVisible();
    const readingColumn = page.getByRole("columnheader", { name: "Reading", exact: true });
    await expect(readingColumn).toHaveCount(0);
    await page.getByRole("button", { name: "Show reading history" }).click();
    await expect(readingColumn).toBeVisible();

    await page.goto("/admin/audit?action=client_data.viewed");
    await expect(page.getByRole("table", { name: "Audit events, newest first" }).getByRole("row", { name: /Client data viewed.*Jordan Lee/ }).first()).toBeVisible();
  });

  test("curates a shared resource: publish, edit, archive", async ({ page }) => {
    const title = `Curation check ${crypto.randomBytes(3).toString("hex")}`;
    const db = e2eDatabase();
    await db.resource.create({
      data: { slug: title.toLowerCase().replace(/ /g, "-"), title, summary: "A short summary.", body: "Some words to read.", kind: "ARTICLE", readingMinutes: 1, ownerId: null, status: "DRAFT" },
    });
    await db.$disconnect();

    await signIn(page, "admin@haven.test");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`/admin/library?q=${encodeURIComponent(title)}`);
    const item = page.getByRole("listitem").filter({ hasText: title });
    await expect(item.getByText("Draft", { exact: true })).toBeVisible();

    await item.getByRole("button", { name: `Actions for ${title}` }).click();
    await page.getByRole("menuitem", { name: "Publish" }).click();
    await page.getByRole("dialog", { name: `Publish “${title}”?` }).getByRole("button", { name: "Publish" }).click();
    await expect(item.getByText("Published", { exact: true })).toBeVisible();

    await item.getByRole("button", { name: `Actions for ${title}` }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Edit “${title}”` })).toBeVisible();
    await page.getByLabel("Summary").fill("A clearer summary, edited by an admin.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/admin\/library$/);
    await expect(page.getByText("Changes saved.")).toBeVisible();

    // Archive it again, so other specs' library searches never meet it.
    await page.goto(`/admin/library?q=${encodeURIComponent(title)}`);
    await expect(item.getByText("A clearer summary, edited by an admin.")).toBeVisible();
    await item.getByRole("button", { name: `Actions for ${title}` }).click();
    await page.getByRole("menuitem", { name: "Archive" }).click();
    await page.getByRole("dialog", { name: `Archive “${title}”?` }).getByRole("button", { name: "Archive" }).click();
    await expect(item.getByText("Archived", { exact: true })).toBeVisible();
  });
});

test.describe("forgot password", () => {
  test("a reset link from the email sets a new password once", async ({ page }) => {
    const email = `reset-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const db = e2eDatabase();
    await db.user.create({ data: { email, name: "Reset Person", role: "THERAPIST", status: "ACTIVE", passwordHash: await hashPassword(DEMO_PASSWORD) } });
    await db.$disconnect();

    // An unknown address gets exactly the same answer.
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("nobody-at-all@example.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "If nobody-at-all@example.test belongs to an account" })).toBeVisible();

    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByText(`If ${email} belongs to an account, a link to choose a new password is on its way.`)).toBeVisible();

    const outbox = `${E2E_DATA_DIR}/outbox`;
    await expect.poll(() => latestMailTo(outbox, email), { timeout: 10_000 }).not.toBeNull();
    const mail = readEml(latestMailTo(outbox, email) as string);
    expect(mail.subject).toBe("Reset your Haven password");
    const token = resetTokenIn(mail.body);
    expect(token).toBeTruthy();

    await page.goto(`/reset-password/${token}`);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password").fill("river stones and quiet mornings");
    await expect(page.getByText(/Strength: (Good|Strong)/)).toBeVisible();
    await page.getByLabel("Type it again").fill("river stones and quiet mornings");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("Your new password is set")).toBeVisible();

    await signIn(page, email, DEMO_PASSWORD);
    await expect(page.getByText("That email and password don't match an active account")).toBeVisible();
    await signIn(page, email, "river stones and quiet mornings");
    await expect(page).toHaveURL(/\/therapist$/);

    await page.goto(`/reset-password/${token}`);
    await expect(page.getByText("This link can't be used any more")).toBeVisible();
  });
});
