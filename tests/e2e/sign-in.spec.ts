import { expect, signIn, test } from "./fixtures";

test.describe("signing in", () => {
  for (const [email, home, heading] of [
    ["therapist@haven.test", "/therapist", /Welcome/],
    ["client@haven.test", "/client", /My readings/],
    ["admin@haven.test", "/admin", /Overview/],
  ] as const) {
    test(`${email} lands on ${home}`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }

  test("a wrong password shows one calm, uniform error", async ({ page }) => {
    await signIn(page, "therapist@haven.test", "not the password");
    await expect(page.getByText("That email and password don't match an active account")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
    await signIn(page, "nobody@haven.test", "not the password");
    await expect(page.getByText("That email and password don't match an active account")).toBeVisible();
  });

  test("signing out returns to the sign-in page and ends the session", async ({ page }) => {
    await signIn(page, "therapist@haven.test");
    await expect(page).toHaveURL(/\/therapist$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/therapist");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Ftherapist/);
  });

  test("signing out still ends the session when next-auth's sign-out route cannot answer", async ({ page }) => {
    await signIn(page, "client@haven.test");
    await expect(page).toHaveURL(/\/client$/);
    await page.route("**/api/auth/signout", (route) => route.fulfill({ status: 503, body: "{}" }));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    await page.unroute("**/api/auth/signout");
    await page.goto("/client");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fclient/);
  });

  test("a client opening the therapist area is refused", async ({ page }) => {
    await signIn(page, "client@haven.test");
    await expect(page).toHaveURL(/\/client$/);
    const response = await page.goto("/therapist");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This page isn't part of your account" })).toBeVisible();
  });

  test("a signed-out visitor is sent to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
    await page.getByLabel("Email").fill("admin@haven.test");
    await page.getByLabel("Password", { exact: true }).fill("haven-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  });
});

test("the health and readiness checks answer ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", database: "up", migrations: "applied" });
});
