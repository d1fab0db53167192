import { getConfig } from "@/server/env";
import { type Limit, waitText } from "./rate-limit";
import type { Principal } from "@/server/principal/principal";

/** A network (a ward, a household) holds many patients: its address may do this many times what one patient may. */
const PATIENTS_PER_ADDRESS = 5;

/**
 * The limits of a patient's "ask a human doctor" request or answer rating: per patient (their session,
 * else their account) and per address.
 */
export function patientActionLimits(action: "follow-up" | "feedback", identity: Principal<"patient">, address: string): Limit[] {
  const { max, windowSeconds } = action === "follow-up" ? getConfig().RATE_LIMIT_FOLLOW_UP : getConfig().RATE_LIMIT_FEEDBACK;
  const refusal = (seconds: number) =>
    action === "follow-up"
      ? `You have sent many requests to the doctor's team already. Please wait ${waitText(seconds)} before sending another.`
      : `You have rated many answers just now. Please wait ${waitText(seconds)} and try again.`;
  const patient = identity.sessionHash ?? identity.userId;
  return [
    ...(patient ? [{ key: `${action}:patient:${patient}`, max, windowSeconds, refusal }] : []),
    { key: `${action}:address:${address}`, max: max * PATIENTS_PER_ADDRESS, windowSeconds, refusal },
  ];
}
