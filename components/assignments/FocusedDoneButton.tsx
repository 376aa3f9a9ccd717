"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/Button";

/** "Done" after a dialog's form is replaced by its result: focus moves here instead of being lost. */
export function FocusedDoneButton({ onClick }: { onClick: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Button ref={ref} onClick={onClick}>
      Done
    </Button>
  );
}
