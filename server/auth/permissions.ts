/** Roles a member can hold in an organization. */
export const ROLES = ["admin", "doctor", "reviewer", "on_call"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do — the one table every check reads. "own" permissions apply to avatars the
 * member owns; admins hold the "any" form over every avatar of the organization.
 */
export const PERMISSIONS = {
  "avatar.create": ["admin", "doctor"],
  "avatar.read.any": ["admin", "reviewer"],
  "avatar.edit.own": ["admin", "doctor"],
  "avatar.edit.any": ["admin"],
  "escalation.read.own": ["admin", "doctor", "on_call"],
  "escalation.read.any": ["admin", "on_call"],
  "escalation.respond": ["admin", "doctor", "on_call"],
  "org.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
