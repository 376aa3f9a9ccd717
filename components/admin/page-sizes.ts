// Page sizes shared by the admin pages (server) and their lists (client). Kept out of the
// "use client" files: a server component importing a constant from one gets a client reference.
export const ACCOUNTS_PAGE_SIZE = 25;
export const AUDIT_PAGE_SIZE = 50;
export const LIBRARY_PAGE_SIZE = 25;
