import { cookies } from "next/headers";
import { auth } from "@/server/auth";
import { browserSessionOf, PATIENT_COOKIE } from "@/server/chat/patient-session";
import type { PatientIdentity } from "./patient-identity";

/** The patient behind this request: the anonymous session cookie and, if signed in, the user. */
export async function requestPatientIdentity(): Promise<PatientIdentity> {
  const [jar, session] = await Promise.all([cookies(), auth()]);
  // A cookie the server did not issue (e.g. a forged "api:<org id>") names no session at all.
  return { sessionHash: browserSessionOf(jar.get(PATIENT_COOKIE)?.value), userId: session?.user?.id ?? null };
}
