import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "../env";

export type OutgoingMail = { to: string; subject: string; text: string };
export type SentMail = { delivered: "smtp" | "outbox"; file?: string };

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes an .eml file to the outbox folder,
 * so development and demos work with no mail server. Subjects stay neutral (discreet by default).
 */
export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const config = env();
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return { delivered: "smtp" };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  const dir = path.resolve(config.OUTBOX_DIR);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.to.replace(/[^a-z0-9@.-]/gi, "_")}.eml`);
  await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
  return { delivered: "outbox", file };
}

/** Absolute link into Haven (invitations, resets). */
export function appLink(pathname: string): string {
  return new URL(pathname, env().APP_URL).toString();
}
