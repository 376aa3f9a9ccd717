"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

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
        await signOut({ callbackUrl: "/signin?signedOut=1" });
      }}
    >
      Sign out
    </Button>
  );
}
