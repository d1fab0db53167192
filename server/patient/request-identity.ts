import { cookies } from "next/headers";
import { auth } from "@/server/auth";
import { browserSessionOf, PATIENT_COOKIE } from "@/server/chat/patient-session";
import type { Principal } from "@/server/principal/principal";

/** The patient behind this request: the anonymous session cookie and, if signed in, the user. */
export async function requestPatient(): Promise<Principal<"patient">> {
  const [jar, session] = await Promise.all([cookies(), auth()]);
  // A cookie the server did not issue (e.g. a forged "api:<org id>") names no session at all.
  return { kind: "patient", sessionHash: browserSessionOf(jar.get(PATIENT_COOKIE)?.value), userId: session?.user?.id ?? null };
}
