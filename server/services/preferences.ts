import "server-only";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import {
  isThemePreference,
  parsePreferences,
  storedTheme,
  type Preferences,
  type PreferencesUpdate,
  type ThemePreference,
} from "../schemas/preferences";

const preferencesSelect = { preferences: true } satisfies Prisma.UserSelect;

/** A user's preferences with every default filled in (defaults when the user is gone). */
export async function readPreferences(db: Db, userId: string): Promise<Preferences> {
  const row = await db.user.findUnique({ where: { id: userId }, select: preferencesSelect });
  return parsePreferences(row?.preferences);
}

/**
 * What the root layout needs: the preferences, with the theme taken from the account when the
 * person chose one there, else from this device's haven-theme cookie.
 */
export async function readDisplayPreferences(db: Db, userId: string, cookieTheme: string | undefined): Promise<Preferences> {
  const row = await db.user.findUnique({ where: { id: userId }, select: preferencesSelect });
  return displayPreferencesFrom(row?.preferences, cookieTheme);
}

/** readDisplayPreferences over a stored preferences value already read (e.g. by the session check). */
export function displayPreferencesFrom(stored: unknown, cookieTheme: string | undefined): Preferences {
  const preferences = parsePreferences(stored);
  const theme: ThemePreference = storedTheme(stored) ?? (isThemePreference(cookieTheme) ? cookieTheme : "system");
  return { ...preferences, theme };
}

/**
 * Merges a change into the stored JSON in one statement (jsonb ||), so two quick changes from
 * two tabs cannot overwrite each other's fields. Returns the full preferences afterwards.
 */
export async function updatePreferences(db: Db, userId: string, patch: PreferencesUpdate): Promise<Preferences | null> {
  const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const rows = await db.$queryRaw<{ preferences: unknown }[]>`
    UPDATE "User"
    SET "preferences" = (CASE WHEN jsonb_typeof("preferences") = 'object' THEN "preferences" ELSE '{}'::jsonb END)
                        || ${JSON.stringify(changes)}::jsonb,
        "updatedAt" = now()
    WHERE "id" = ${userId}
    RETURNING "preferences"`;
  const row = rows[0];
  return row ? parsePreferences(row.preferences) : null;
}
