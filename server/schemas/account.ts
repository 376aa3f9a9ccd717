import { z } from "zod";
import { text } from "./text";

export const emailInput = text()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email("Enter an email address like name@example.com"));

/** New passwords: long enough to be strong, short enough to hash cheaply. */
export const newPasswordInput = text()
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");

export const signInInput = z.object({
  email: emailInput,
  password: text().min(1, "Enter your password").max(200),
});

export const changePasswordInput = z.object({
  currentPassword: text().min(1, "Enter your current password").max(200),
  newPassword: newPasswordInput,
});

export const roleSchema = z.enum(["ADMIN", "THERAPIST", "CLIENT"]);
export type RoleName = z.infer<typeof roleSchema>;

export const HOME_BY_ROLE: Record<RoleName, string> = {
  ADMIN: "/admin",
  THERAPIST: "/therapist",
  CLIENT: "/client",
};
