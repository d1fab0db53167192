import { AppError } from "@/server/lib/errors";
import { type Permission, type Role, can } from "./permissions";

/** Who is asking: a signed-in member acting in one organization. Every service takes one. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("forbidden", `Your role (${actor.role}) may not do this (${permission}).`);
  }
}
