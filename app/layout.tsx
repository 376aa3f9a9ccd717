import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { ToastProvider } from "@/components/ui/ToastProvider";
import { TRPCReactProvider } from "@/server/trpc/react";
import { getRequestDisplay } from "@/server/request/display";

export const metadata: Metadata = {
  title: { default: "Haven", template: "%s · Haven" },
  description: "A calm reading space shared by you and your practitioner.",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Theme, text size, line spacing and motion: the signed-in person's preferences, else the
  // device's theme cookie. Rendered on <html> so the first paint is already right.
  const { attributes } = await getRequestDisplay();
  return (
    <html lang="en" {...attributes} suppressHydrationWarning>
      <body className="min-h-screen bg-canvas text-ink antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-3">
          Skip to main content
        </a>
        <TRPCReactProvider>
          <ToastProvider>{children}</ToastProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
