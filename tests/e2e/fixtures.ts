import fs from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import { createPrismaClient } from "../../server/db/client";

export const DEMO_PASSWORD = "haven-demo-password";

/** The e2e server's embedded database, for fixtures that create or inspect rows directly. */
export const E2E_DATA_DIR = `.data/e2e-${process.env.E2E_PORT ?? 3100}`;

export function e2eDatabase() {
  const state = JSON.parse(fs.readFileSync(`${E2E_DATA_DIR}/embedded.json`, "utf8")) as { port: number };
  return createPrismaClient(`postgresql://postgres:postgres@127.0.0.1:${state.port}/postgres?sslmode=disable`, { poolSize: 1 });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const test = base;
export { expect };
