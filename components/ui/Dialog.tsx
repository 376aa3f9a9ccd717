"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "./cn";

export interface DialogProps {
  open: boolean;
  /** Called for Escape, the Close button and any other dismissal. Set `open` to false in it. */
  onClose: () => void;
  /** Names the dialog (aria-labelledby). Keep it short and plain. */
  title: ReactNode;
  /** One calm sentence under the title (aria-describedby). */
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons row at the bottom, e.g. <Button onClick={onClose} variant="secondary">Cancel</Button>. */
  actions?: ReactNode;
  className?: string;
}

/**
 * A modal on native <dialog> + showModal(): the page behind is inert, Tab stays inside,
 * Escape closes. Focus goes to an element with `autoFocus` if there is one, else to the
 * dialog itself (so its title and description are read first), and returns to the opener.
 */
export function Dialog({ open, onClose, title, description, children, actions, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  const closingFromPropRef = useRef(false);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const descriptionId = `${baseId}-description`;

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const active = document.activeElement;
      openerRef.current = active instanceof HTMLElement ? active : null;
      closingFromPropRef.current = false;
      dialog.showModal();
      const autoFocused = dialog.querySelector<HTMLElement>("[autofocus]");
      (autoFocused ?? dialog).focus();
    } else if (!open && dialog.open) {
      closingFromPropRef.current = true;
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const restoreFocus = () => {
      const opener = openerRef.current;
      openerRef.current = null;
      if (opener?.isConnected) opener.focus();
    };
    // Fires however the dialog closed; onClose only runs when the parent did not ask for it.
    const handleClose = () => {
      // The close event is queued; ignore a stale one if the dialog was reopened meanwhile.
      if (dialog.open) return;
      restoreFocus();
      if (closingFromPropRef.current) closingFromPropRef.current = false;
      else onCloseRef.current();
    };
    // Escape: keep the parent in control of `open` instead of letting the browser close it.
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("close", handleClose);
    dialog.addEventListener("cancel", handleCancel);
    return () => {
      dialog.removeEventListener("close", handleClose);
      dialog.removeEventListener("cancel", handleCancel);
      // Unmounted while open (e.g. `{open && <Dialog …/>}`): close and hand focus back.
      if (dialog.open) {
        dialog.close();
        restoreFocus();
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cn(
        "m-auto w-[min(100%-2rem,32rem)] max-h-[min(100dvh-2rem,44rem)] overflow-y-auto rounded-2xl",
        "border border-border-subtle bg-surface p-0 text-ink shadow-xl",
        "backdrop:bg-black/50",
        className,
      )}
    >
      <div className="flex flex-col gap-4 p-5 sm:p-6">
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-xl font-semibold leading-snug">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => onCloseRef.current()}
            className="-mr-2 -mt-1 inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-lg px-2 text-sm font-medium text-muted hover:bg-surface-muted hover:text-ink"
          >
            Close
          </button>
        </div>
        {description ? (
          <p id={descriptionId} className="text-muted">
            {description}
          </p>
        ) : null}
        {children}
        {actions ? (
          <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">{actions}</div>
        ) : null}
      </div>
    </dialog>
  );
}
