"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { cn } from "./cn";

/** Toasts confirm things that went well or are merely informative. Errors that need the
 *  person to act belong in a Notice or a Field error next to the thing to fix. */
export type ToastTone = "info" | "success";

export interface ToastOptions {
  tone?: ToastTone;
  /** How long the toast stays, while not hovered or focused. Default 6000 ms. */
  durationMs?: number;
}

export interface ToastApi {
  show: (message: string, options?: ToastOptions) => void;
  dismiss: (id: number) => void;
}

interface ToastEntry {
  id: number;
  message: string;
  tone: ToastTone;
  durationMs: number;
}

const ToastContext = createContext<ToastApi | null>(null);
const MAX_VISIBLE = 3;

/** Wrap the app once (inside <body>). Renders one polite live region for all toasts. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback((message: string, options?: ToastOptions) => {
    const entry: ToastEntry = {
      id: nextId.current++,
      message,
      tone: options?.tone ?? "info",
      durationMs: options?.durationMs ?? 6000,
    };
    setToasts((list) => [...list, entry].slice(-MAX_VISIBLE));
  }, []);

  const api = useMemo<ToastApi>(() => ({ show, dismiss }), [show, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="false"
        aria-relevant="additions text"
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-40 flex flex-col items-center gap-2 p-4 sm:inset-x-auto sm:right-0 sm:items-end"
      >
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: ToastEntry; onDismiss: (id: number) => void }) {
  const remaining = useRef(toast.durationMs);
  const startedAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const pause = useCallback(() => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    remaining.current -= Date.now() - startedAt.current;
  }, []);

  const resume = useCallback(() => {
    if (timer.current !== undefined) return;
    startedAt.current = Date.now();
    timer.current = setTimeout(() => onDismiss(toast.id), Math.max(remaining.current, 1500));
  }, [onDismiss, toast.id]);

  useEffect(() => {
    resume();
    return pause;
  }, [resume, pause]);

  return (
    <div
      onMouseEnter={pause}
      onMouseLeave={resume}
      onFocus={pause}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) resume();
      }}
      className={cn(
        "pointer-events-auto flex w-full max-w-sm animate-fade-in items-start gap-3 rounded-xl border border-l-4 bg-surface p-4 text-ink shadow-lg",
        toast.tone === "success" ? "border-border-subtle border-l-success" : "border-border-subtle border-l-info",
      )}
    >
      <p className="flex-1 pt-2.5">{toast.message}</p>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="-my-1 inline-flex min-h-11 shrink-0 items-center rounded-lg px-3 text-sm font-medium text-muted hover:bg-surface-muted hover:text-ink"
      >
        Dismiss<span className="sr-only"> notification</span>
      </button>
    </div>
  );
}

/** const toast = useToast(); toast.show("Reading assigned", { tone: "success" }) */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>.");
  return api;
}
