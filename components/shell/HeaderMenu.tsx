"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The header's areas, account, theme and sign-out. Below the lg breakpoint they fold behind a
 * "Menu" button (a disclosure: aria-expanded + aria-controls; Escape closes it and focus goes back
 * to the button; the panel follows the button in the Tab order), so the header stays one row on a
 * phone. From lg they sit in the header row and the button is gone. One copy of the content either way.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // A new page: the menu has done its job.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    const container = containerRef.current;
    if (!open || !container) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!container.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // No stopPropagation: Quick exit's triple Escape (capture phase) still counts this press.
      event.preventDefault();
      setOpen(false);
      triggerRef.current?.focus();
    };
    // Focus leaving the menu (Tab past its last item) folds it away again.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !container.contains(event.relatedTarget)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutside);
    container.addEventListener("keydown", onKeyDown);
    container.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutside);
      container.removeEventListener("keydown", onKeyDown);
      container.removeEventListener("focusout", onFocusOut);
    };
  }, [open]);

  return (
    <div ref={containerRef} className="flex min-w-0 items-center lg:flex-1">
      <button
        ref={triggerRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-11 min-w-11 shrink-0 items-center gap-1.5 rounded-lg border border-border bg-surface px-2.5 text-base font-medium text-ink hover:bg-surface-muted lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
        </svg>
        Menu
      </button>
      <div
        id={panelId}
        data-open={open || undefined}
        className={cn(
          // Phones and tablets: a panel under the header row, the full width of the screen.
          "absolute inset-x-0 top-full z-40 hidden max-h-[calc(100dvh-4rem)] flex-col gap-4 overflow-y-auto border-b border-border bg-surface px-4 py-4 shadow-lg data-open:flex",
          // Wide screens: the same content in the header row.
          "lg:static lg:z-auto lg:flex lg:max-h-none lg:flex-1 lg:flex-row lg:items-center lg:gap-6 lg:overflow-visible lg:border-0 lg:p-0 lg:shadow-none",
        )}
      >
        {children}
      </div>
    </div>
  );
}
