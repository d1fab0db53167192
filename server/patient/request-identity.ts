import { cookies } from "next/headers";
import { auth } from "@/server/auth";
import { hashSessionToken } from "@/server/chat/conversation.service";
import { PATIENT_COOKIE } from "@/server/chat/patient-session";
import type { PatientIdentity } from "./patient-identity";

/** The patient behind this request: the anonymous session cookie and, if signed in, the user. */
export async function requestPatientIdentity(): Promise<PatientIdentity> {
  const [jar, session] = await Promise.all([cookies(), auth()]);
  const token = jar.get(PATIENT_COOKIE)?.value;
  return { sessionHash: token ? hashSessionToken(token) : null, userId: session?.user?.id ?? null };
}
