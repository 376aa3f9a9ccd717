import fs from "node:fs";
import path from "node:path";

/** The text of an .eml from the outbox, with quoted-printable soft breaks and escapes undone. */
export function readEml(file: string): { subject: string; to: string; body: string } {
  const raw = fs.readFileSync(file, "utf8");
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest
    .join("\n\n")
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(head)?.[1] ?? "";
  return { subject: header("Subject"), to: header("To"), body };
}

/** Newest .eml in `dir` addressed to `email`, or null. */
export function latestMailTo(dir: string, email: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const safe = email.replace(/[^a-z0-9@.-]/gi, "_");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(`-${safe}.eml`)).sort();
  const last = files[files.length - 1];
  return last ? path.join(dir, last) : null;
}

/** The token of the first /reset-password/<token> link in a mail body. */
export function resetTokenIn(body: string): string | null {
  return /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? null;
}
