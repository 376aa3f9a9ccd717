// Playwright global teardown: after an end-to-end run, the server's log (written by the webServer
// command in playwright.config.ts) must hold request lines and none of: the demo password, an
// invitation or reset token from the outbox, or a reflection a client wrote.
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, E2E_DATA_DIR, e2eDatabase } from "../e2e/fixtures";
import { readEml } from "./mail";

export const E2E_SERVER_LOG = `${E2E_DATA_DIR}/server.log`;
/** Written by assignments.spec.ts; checked even when the database cannot be read any more. */
const KNOWN_REFLECTIONS = ["Gentler than I expected. I want to talk about part three."];

function tokensInOutbox(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const tokens = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
    const { body } = readEml(path.join(dir, file));
    for (const match of body.matchAll(/\/(?:invite|reset-password)\/([A-Za-z0-9_-]{20,})/g)) tokens.add(match[1] as string);
  }
  return [...tokens];
}

async function reflectionsInDatabase(): Promise<string[]> {
  try {
    const db = e2eDatabase();
    try {
      const rows = await db.reflection.findMany({ select: { body: true } });
      return rows.map((row) => row.body).filter((text): text is string => Boolean(text && text.length >= 8));
    } finally {
      await db.$disconnect();
    }
  } catch {
    return [];
  }
}

/** The secrets found in `log` (empty when clean). */
export function secretsIn(log: string, secrets: { label: string; value: string }[]): string[] {
  return secrets.filter((secret) => secret.value && log.includes(secret.value)).map((secret) => secret.label);
}

export default async function checkServerLog() {
  if (!fs.existsSync(E2E_SERVER_LOG)) {
    if (process.env.E2E_REUSE) return; // a server this run did not start
    throw new Error(`The end-to-end server log ${E2E_SERVER_LOG} is missing.`);
  }
  const log = fs.readFileSync(E2E_SERVER_LOG, "utf8");
  const requestLines = log.split("\n").filter((line) => line.startsWith("{") && line.includes('"msg":"request"'));
  if (requestLines.length === 0) throw new Error(`The end-to-end server log ${E2E_SERVER_LOG} has no request lines: are structured logs still written?`);
  const reflections = [...new Set([...KNOWN_REFLECTIONS, ...(await reflectionsInDatabase())])];
  const secrets = [
    { label: "the demo password", value: DEMO_PASSWORD },
    ...tokensInOutbox(`${E2E_DATA_DIR}/outbox`).map((value, i) => ({ label: `outbox token #${i + 1}`, value })),
    ...reflections.map((value, i) => ({ label: `reflection #${i + 1}`, value })),
  ];
  const leaked = secretsIn(log, secrets);
  if (leaked.length) throw new Error(`The server log ${E2E_SERVER_LOG} contains ${leaked.join(", ")}: logs must never hold passwords, tokens or reflections.`);
  console.log(`Server log checked: ${requestLines.length} request lines, none of ${secrets.length} secrets (password, tokens, reflections).`);
}
