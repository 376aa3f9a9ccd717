"use client";
import { useState } from "react";
import { forgetDeviceCopies } from "@/components/offline/device-copies";
import { flushReportsBeforeLeaving } from "@/components/reading/report-queue-browser";
import { Button } from "@/components/ui/Button";
import { signOutOfHaven } from "./sign-out";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={pending}
      className="shrink-0 whitespace-nowrap"
      onClick={async () => {
        setPending(true);
        // Unsent reports get one last chance, then nothing of this client stays on the device.
        await flushReportsBeforeLeaving(2000);
        await forgetDeviceCopies();
        await signOutOfHaven();
      }}
    >
      Sign out
    </Button>
  );
}
