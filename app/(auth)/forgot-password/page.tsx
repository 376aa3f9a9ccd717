import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";

export const metadata: Metadata = { title: { absolute: "Reset password · Haven" } };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-lg font-semibold tracking-tight">Haven</p>
      <h1 className="mt-6 text-3xl font-semibold">Forgot your password?</h1>
      <p className="mt-2 text-muted">It happens. Enter the email you sign in with and we&apos;ll send you a link to choose a new one.</p>
      <ForgotPasswordForm />
    </main>
  );
}
