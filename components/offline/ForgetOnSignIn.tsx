"use client";
import { useEffect } from "react";
import { forgetDeviceCopies } from "./device-copies";

/**
 * On the sign-in page there is no session, so no reading may stay kept for offline use. Unsent
 * reports stay for when the same person signs in again — unless the server says the session was
 * ended on purpose (account turned off, password changed): then they go too.
 */
export function ForgetOnSignIn({ revoked }: { revoked: boolean }) {
  useEffect(() => {
    void forgetDeviceCopies({ queues: revoked });
  }, [revoked]);
  return null;
}
