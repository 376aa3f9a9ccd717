"use client";

import type { ReactNode } from "react";
import { Button } from "./Button";
import type { ButtonSize, ButtonVariant } from "./button-styles";

/**
 * Opens the browser's print dialog (print or save as PDF). What prints is decided by the print
 * styles in app/globals.css: the content without navigation, Quick exit, progress or buttons.
 */
export function PrintButton({ children = "Print", variant = "secondary", size = "md" }: { children?: ReactNode; variant?: ButtonVariant; size?: ButtonSize }) {
  return (
    <Button variant={variant} size={size} onClick={() => window.print()}>
      {children}
    </Button>
  );
}
