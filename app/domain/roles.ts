/** Who a user is to the portal (decision 052); staff roles are the ones an admin grants. */
export type Role =
  "resident" | "representative" | "officer" | "editor" | "contributor" | "admin" | "designer" | "preparer";
export type StaffRole = Exclude<Role, "resident" | "representative">;
