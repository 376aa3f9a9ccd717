// The one place that reads process.env. Validated with zod; a bad or missing variable stops
// the app at start with a message that names it.
import crypto from "node:crypto";
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(z.string().url().optional())
  .optional();

const crisisResource = z.object({
  name: z.string().min(1).max(120),
  contact: z.string().min(1).max(120),
  href: z.string().url().optional(),
});

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start Haven with `npm run dev` (embedded database) or set it to a postgresql:// URL" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: optionalUrl,
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default("Haven <no-reply@haven.local>"),
  OUTBOX_DIR: z.string().min(1).default(".outbox"),
  QUICK_EXIT_URL: z.string().url().default("https://www.bbc.co.uk/weather"),
  CRISIS_RESOURCES: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return undefined;
      try {
        return z.array(crisisResource).max(10).parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: "custom", message: "CRISIS_RESOURCES must be a JSON array of {name, contact, href?}" });
        return z.NEVER;
      }
    }),
  /** IANA zone for quiet hours and weekly mail when a person has not chosen their own. */
  REMINDERS_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-GB", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "REMINDERS_TIME_ZONE must be an IANA time zone such as Europe/London"),
  /** "inline": the reminder worker runs inside each app process; "off": run `npm run worker` separately (or not at all). */
  REMINDERS_WORKER: z.enum(["inline", "off"]).default("inline"),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  // How many proxies you run in front of Haven, each appending to X-Forwarded-For (only with TRUST_PROXY=true).
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: "TRUST_PROXY_HOPS must be a whole number from 1 to 10" })
    .int("TRUST_PROXY_HOPS must be a whole number from 1 to 10")
    .min(1, "TRUST_PROXY_HOPS must be a whole number from 1 to 10")
    .max(10, "TRUST_PROXY_HOPS must be a whole number from 1 to 10")
    .default(1),
});

export type Env = z.infer<typeof schema> & { NEXTAUTH_SECRET: string };

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Haven's configuration is invalid:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const value = parsed.data;
  if (!value.NEXTAUTH_SECRET) {
    if (value.NODE_ENV === "production") {
      throw new Error("Haven's configuration is invalid:\n  NEXTAUTH_SECRET: required in production (openssl rand -base64 48)");
    }
    // Outside production only: a per-process secret (the launcher persists one in .data/).
    value.NEXTAUTH_SECRET = crypto.randomBytes(32).toString("base64url");
    process.env.NEXTAUTH_SECRET = value.NEXTAUTH_SECRET;
  }
  cached = value as Env;
  return cached;
}

/** Tests that change process.env call this so the next env() reads it again. */
export function resetEnvForTests(): void {
  cached = null;
}

/** Whether, and through how many hops, forwarding headers are believed (see server/client-address.ts). */
export function proxyTrust(): { trustProxy: boolean; hops: number } {
  const { TRUST_PROXY, TRUST_PROXY_HOPS } = env();
  return { trustProxy: TRUST_PROXY, hops: TRUST_PROXY_HOPS };
}

export const DEFAULT_CRISIS_RESOURCES = [
  { name: "Emergency services", contact: "Call 999 (UK) · 911 (US) · 112 (EU)" },
  { name: "Samaritans (UK & Ireland)", contact: "116 123, any time", href: "https://www.samaritans.org" },
  { name: "988 Suicide & Crisis Lifeline (US)", contact: "Call or text 988", href: "https://988lifeline.org" },
];
