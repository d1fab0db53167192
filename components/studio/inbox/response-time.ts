/** The fields of an escalation that say how long it waited and how long it may wait. */
interface Timed {
  status: "open" | "acknowledged" | "resolved";
  createdAt: Date | string;
  acknowledgedAt: Date | string | null;
  resolvedAt: Date | string | null;
  /** The organization's target, from its crisis settings. */
  responseTargetMinutes: number;
}

/** How long the patient waited for a person: still counting while open, frozen once answered. */
export function waitedMs(e: Timed, now: number): number {
  const answeredAt = e.acknowledgedAt ?? e.resolvedAt;
  return (answeredAt ? new Date(answeredAt).getTime() : now) - new Date(e.createdAt).getTime();
}

/** Whether an unresolved escalation waited longer than the organization's response-time target. */
export function isOverTarget(e: Timed, now: number): boolean {
  return e.status !== "resolved" && waitedMs(e, now) > e.responseTargetMinutes * 60_000;
}
