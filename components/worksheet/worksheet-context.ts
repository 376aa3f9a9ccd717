"use client";
import { createContext, useContext } from "react";
import type { AnswerValue, Prompt } from "@/server/schemas/worksheet-prompts";

export type SaveStatus = "idle" | "unsaved" | "saving" | "saved" | "retrying" | "failed";

/** What a prompt field needs from the reading view: the client's answers and a way to change them. */
export type WorksheetContextValue = {
  value: (promptId: string) => AnswerValue | undefined;
  /** The prompt as it read when answered (to show when the wording changed since). */
  answeredWith: (promptId: string) => Prompt | undefined;
  status: (promptId: string) => { state: SaveStatus; message?: string };
  change: (prompt: Prompt, value: AnswerValue) => void;
  /** Save now (on leaving a field) instead of after the pause. */
  flush: (promptId: string) => void;
};

/** null outside a reading: the library and the editor preview show the fields without saving. */
export const WorksheetContext = createContext<WorksheetContextValue | null>(null);

export function useWorksheet(): WorksheetContextValue | null {
  return useContext(WorksheetContext);
}
