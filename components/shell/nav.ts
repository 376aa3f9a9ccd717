import type { RoleName } from "@/server/schemas/account";

export type NavItem = { href: string; label: string };

/** Role-aware navigation; every area's pages are listed here so the header stays in step. */
export const NAV_BY_ROLE: Record<RoleName, NavItem[]> = {
  THERAPIST: [
    { href: "/therapist", label: "Home" },
    { href: "/therapist/clients", label: "Clients" },
    { href: "/therapist/library", label: "Library" },
    { href: "/therapist/collections", label: "Reading plans" },
    { href: "/therapist/favourites", label: "Favourites" },
  ],
  CLIENT: [
    { href: "/client", label: "My readings" },
    { href: "/client/preferences", label: "Preferences" },
  ],
  ADMIN: [
    { href: "/admin", label: "Overview" },
    { href: "/admin/accounts", label: "Accounts" },
    { href: "/admin/library", label: "Shared library" },
    { href: "/admin/audit", label: "Audit trail" },
  ],
};
