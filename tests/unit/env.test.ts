import { afterEach, describe, expect, it, vi } from "vitest";

const base = { NODE_ENV: "development", DATABASE_URL: "postgresql://u:p@localhost:5432/haven" };

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "APP_URL", "SMTP_URL", "CRISIS_RESOURCES", "DATABASE_POOL_SIZE"]) {
    vi.stubEnv(key, undefined as unknown as string);
  }
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value as string);
  const mod = await import("../../server/env");
  return mod.env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env()", () => {
  it("accepts a minimal development configuration and generates a session secret", async () => {
    const env = await loadEnv(base);
    const config = env();
    expect(config.DATABASE_URL).toBe(base.DATABASE_URL);
    expect(config.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(config.APP_URL).toBe("http://localhost:3000");
  });

  it("names DATABASE_URL when it is missing", async () => {
    const env = await loadEnv({ NODE_ENV: "development" });
    expect(() => env()).toThrow(/DATABASE_URL/);
  });

  it("names DATABASE_URL when it is not a PostgreSQL URL", async () => {
    const env = await loadEnv({ ...base, DATABASE_URL: "mysql://localhost/haven" });
    expect(() => env()).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
  });

  it("requires NEXTAUTH_SECRET in production", async () => {
    const env = await loadEnv({ ...base, NODE_ENV: "production" });
    expect(() => env()).toThrow(/NEXTAUTH_SECRET: required in production/);
  });

  it("refuses a short NEXTAUTH_SECRET", async () => {
    const env = await loadEnv({ ...base, NEXTAUTH_SECRET: "short" });
    expect(() => env()).toThrow(/NEXTAUTH_SECRET must be at least 32 characters/);
  });

  it("parses CRISIS_RESOURCES and names it when malformed", async () => {
    const good = await loadEnv({ ...base, CRISIS_RESOURCES: JSON.stringify([{ name: "Line", contact: "123" }]) });
    expect(good().CRISIS_RESOURCES).toEqual([{ name: "Line", contact: "123" }]);
    const bad = await loadEnv({ ...base, CRISIS_RESOURCES: "not json" });
    expect(() => bad()).toThrow(/CRISIS_RESOURCES/);
  });

  it("defaults TRUST_PROXY to off and TRUST_PROXY_HOPS to 1, and names a bad hop count", async () => {
    let env = await loadEnv(base);
    expect(env()).toMatchObject({ TRUST_PROXY: false, TRUST_PROXY_HOPS: 1 });
    env = await loadEnv({ ...base, TRUST_PROXY: "true", TRUST_PROXY_HOPS: "2" });
    expect(env()).toMatchObject({ TRUST_PROXY: true, TRUST_PROXY_HOPS: 2 });
    for (const bad of ["0", "-1", "1.5", "eleven", "11"]) {
      env = await loadEnv({ ...base, TRUST_PROXY_HOPS: bad });
      expect(() => env()).toThrow(/TRUST_PROXY_HOPS must be a whole number from 1 to 10/);
    }
  });
});
