import crypto from "node:crypto";
import { e2eDatabase, expect, signIn, test } from "./fixtures";
import { resetSignInThrottle } from "./ui-support";

// The therapist's "Send a reminder" says what the client chose: none, or after their quiet hours.
test("a therapist's reminder follows the client's choice and quiet hours", async ({ page }) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  const db = e2eDatabase();
  let clientId: string;
  try {
    await resetSignInThrottle(db);
    const therapist = await db.user.findUniqueOrThrow({ where: { email: "therapist@haven.test" } });
    const client = await db.user.create({ data: { email: `quiet-${suffix}@example.test`, name: `Jo Quiet ${suffix}`, role: "CLIENT", reminderMode: "OFF" } });
    clientId = client.id;
    await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });
    const resource = await db.resource.create({
      data: { slug: `e2e-rem-${suffix}`, title: `Evening notes ${suffix}`, summary: "About evenings.", body: "Calm words.", kind: "ARTICLE", readingMinutes: 3, status: "PUBLISHED", visibility: "SHARED", publishedAt: new Date() },
    });
    await db.assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id } });
  } finally {
    await db.$disconnect();
  }

  await signIn(page, "therapist@haven.test");
  await expect(page).toHaveURL(/\/therapist$/);
  await page.goto(`/therapist/clients/${clientId}`);
  await expect(page.getByText(`Jo Quiet ${suffix} has chosen not to get reminders.`)).toBeVisible();
  await expect(page.getByRole("button", { name: /Send a reminder/ })).toHaveCount(0);

  // Now reminders on, with quiet hours around this moment (UTC).
  const db2 = e2eDatabase();
  try {
    const m = new Date().getUTCHours() * 60 + new Date().getUTCMinutes();
    await db2.user.update({
      where: { id: clientId },
      data: { reminderMode: "NEW_READING", timeZone: "UTC", quietHoursStart: (m + 1440 - 60) % 1440, quietHoursEnd: (m + 60) % 1440 },
    });
  } finally {
    await db2.$disconnect();
  }
  await page.reload();
  await expect(page.getByText(/quiet hours: a reminder will be sent after they end/)).toBeVisible();
  await page.getByRole("button", { name: /Send a reminder/ }).click();
  await expect(page.getByText(`It's Jo Quiet ${suffix}'s quiet hours, so the reminder will be sent after they end.`)).toBeVisible();
});
