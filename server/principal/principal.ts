import type { ApiKeyScope } from "@/db/schema/api-key-scopes";
import { AppError } from "@/server/lib/errors";
import { type Permission, type Role, can } from "./permissions";

/**
 * Who is asking. Every service takes the kind it serves, as `Principal<"staff">` and so on, and each kind
 * is resolved in one place, from what the request carries:
 * - staff: a signed-in member acting in one organization (`resolveStaff`, accounts/account.service.ts,
 *   from the Auth.js session and the active-organization cookie);
 * - patient: an anonymous browser session and, once signed in, the user who claimed its conversations
 *   (patient/request-identity.ts: `requestPatient` from the patient cookie and the session, either of
 *   which may be missing; `chattingPatient` for a chat message, issuing the cookie), or a widget page's
 *   session once its embed token is verified (`admitWidgetMessage`, widget/widget-chat.ts);
 * - apiKey: an organization's API key with its scopes (`authenticateApiKey`, api-keys/api-keys.service.ts,
 *   from the Authorization header).
 */
type AnyPrincipal =
  | { kind: "staff"; userId: string; orgId: string; role: Role }
  | { kind: "patient"; sessionHash: string | null; userId: string | null }
  | { kind: "apiKey"; keyId: string; orgId: string; scopes: ApiKeyScope[] };

export type PrincipalKind = AnyPrincipal["kind"];
export type Principal<K extends PrincipalKind = PrincipalKind> = Extract<AnyPrincipal, { kind: K }>;

export function assertCan(actor: Principal<"staff">, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${permission}).`);
  }
}
