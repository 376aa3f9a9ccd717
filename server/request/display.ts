import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getSessionAccount } from "../auth";
import { getDb } from "../db";
import { isDatabaseUnavailable } from "../errors";
import {
  displayAttributes,
  isThemePreference,
  THEME_COOKIE,
  type DisplayAttributes,
  type Preferences,
} from "../schemas/preferences";
import { displayPreferencesFrom, readDisplayPreferences } from "../services/preferences";
import { errorFields, logger } from "../ops/log";

export type RequestDisplay = {
  /** The signed-in person's preferences (theme resolved against the cookie); null when signed out. */
  preferences: Preferences | null;
  /** What <html> carries for this request. */
  attributes: DisplayAttributes;
  /** A client's "keep my readings on this device" choice when the session check read it; else null. */
  offlineReading: boolean | null;
};

/**
 * This request's display settings, read once and shared by the root layout, the header and the
 * client area (React cache). Signed out, only the device's theme cookie applies.
 */
export const getRequestDisplay = cache(async (): Promise<RequestDisplay> => {
  const cookieTheme = (await cookies()).get(THEME_COOKIE)?.value;
  const deviceOnly: RequestDisplay = {
    preferences: null,
    attributes: { "data-theme": isThemePreference(cookieTheme) ? cookieTheme : undefined },
    offlineReading: null,
  };
  // The session couldn't be checked (database unreachable): render with device settings and let
  // the page's own session check show the calm outage page.
  const account = await getSessionAccount().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (!account) return deviceOnly;
  // The session check read the account's settings with it: no second lookup of the same row.
  if (account.settings) {
    const preferences = displayPreferencesFrom(account.settings.preferences, cookieTheme);
    return { preferences, attributes: displayAttributes(preferences), offlineReading: account.settings.offlineReading };
  }
  try {
    const preferences = await readDisplayPreferences(getDb(), account.user.id, cookieTheme);
    return { preferences, attributes: displayAttributes(preferences), offlineReading: null };
  } catch (error) {
    // A page must still render if preferences can't be read; defaults are calm and safe.
    logger.error({ msg: "could not read display preferences", ...errorFields(error) });
    return deviceOnly;
  }
});
