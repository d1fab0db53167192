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
  /** "Ask a human doctor" requests: the avatar's doctor handles their own; admins and on-call staff every one. */
  "followUp.read.own": ["admin", "doctor", "on_call"],
  "followUp.read.any": ["admin", "on_call"],
  "followUp.respond": ["admin", "doctor", "on_call"],
  /** Members, roles, departments, invitations and the brand. */
  "org.members.manage": ["admin"],
  /** The organization's departments and brand, as every member sees them (e.g. to file an avatar). */
  "org.read": ["admin", "doctor", "reviewer", "on_call"],
  "audit.read": ["admin"],
  "publish.review": ["admin", "reviewer"],
  "analytics.read.any": ["admin", "reviewer"],
  /** Virtual patients (case cards) belong to the organization: doctors and admins design them, reviewers read them. */
  "case.read": ["admin", "doctor", "reviewer"],
  "case.edit": ["admin", "doctor"],
  /** Running an avatar against virtual patients, and teaching it from a turn (also needs the avatar's edit right). */
  "simulation.run": ["admin", "doctor"],
  /** Runs, transcripts and scorecards (also needs the avatar's read right). */
  "simulation.read": ["admin", "doctor", "reviewer"],
  /** Shared knowledge (the organization's and departments' corpora): admins manage it, every member reads it. */
  "corpus.manage": ["admin"],
  "corpus.read": ["admin", "doctor", "reviewer", "on_call"],
  /** Which sites may embed the chat widget, and its rate limit. */
  "widget.manage": ["admin"],
  /** Organization API keys: create, list, revoke. */
  "apiKey.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
