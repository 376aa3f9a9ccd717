import { describe, expect, it } from "vitest";
import { getDb, type Db } from "../../server/db";
import { acceptInvitation, INVALID_INVITATION_MESSAGE } from "../../server/services/invitations";
import { authenticate } from "../../server/services/accounts/sign-in";
import { uuid } from "../support/assign-fixtures";
import { callerFor, createTherapist } from "../support/factories";

const WINNER_PASSWORD = "meadow lantern quietly copper";
const meta = { requestId: "race-test", ip: "203.0.113.50" };

/**
 * The real database, except that `user.findUnique` waits at a gate: the losing accepts have read
 * the invitation (still usable) and are held just before they look for the account, while the
 * winning accept runs to the end. That is the interleaving parallel accepts produce.
 */
function gatedDb(db: Db, expected: number) {
  let arrived = 0;
  let allArrived!: () => void;
  let open!: () => void;
  const arrivedAll = new Promise<void>((resolve) => (allArrived = resolve));
  const gate = new Promise<void>((resolve) => (open = resolve));
  const bind = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? value.bind(target) : value;
  };
  const users = new Proxy(db.user, {
    get(target, prop) {
      if (prop !== "findUnique") return bind(target, prop);
      return async (args: Parameters<Db["user"]["findUnique"]>[0]) => {
        if (++arrived === expected) allArrived();
        await gate;
        return target.findUnique(args);
      };
    },
  });
  const gated = new Proxy(db, { get: (target, prop) => (prop === "user" ? users : bind(target, prop)) }) as Db;
  return { gated, arrivedAll, open };
}

describe("parallel accepts of one invitation", () => {
  it("losing the race is not a wrong password: no failed sign-ins, no lock-out, the winner's password works", async () => {
    const therapist = await createTherapist();
    const email = `race-${uuid()}@example.test`;
    const invited = await callerFor(therapist).client.invite({ name: "Robin Race", email });
    const token = new URL(invited.link!).pathname.split("/").pop()!;

    const LOSERS = 6;
    const { gated, arrivedAll, open } = gatedDb(getDb(), LOSERS);
    // Other tabs (or someone else holding the link) with other passwords.
    const losers = Array.from({ length: LOSERS }, (_, i) =>
      acceptInvitation(gated, meta, { token, password: `another tab ${i} quietly copper` }).then(
        () => "accepted",
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      ),
    );
    await arrivedAll;
    const winner = await acceptInvitation(getDb(), meta, { token, password: WINNER_PASSWORD });
    open();

    expect(await Promise.all(losers)).toEqual(Array(LOSERS).fill(`NOT_FOUND: ${INVALID_INVITATION_MESSAGE}`));
    const account = await getDb().user.findUniqueOrThrow({ where: { id: winner.userId }, select: { failedLoginCount: true, lockedUntil: true, status: true } });
    expect(account).toEqual({ failedLoginCount: 0, lockedUntil: null, status: "ACTIVE" });
    expect(await getDb().auditEvent.count({ where: { action: { in: ["auth.sign_in_failed", "auth.lockout"] }, targetId: winner.userId } })).toBe(0);
    expect(await getDb().user.count({ where: { email } })).toBe(1);
    expect(await authenticate(getDb(), { email, password: WINNER_PASSWORD }, meta)).toMatchObject({ id: winner.userId });
  });
});
