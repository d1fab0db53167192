import { cookies } from "next/headers";
import { auth } from "@/server/auth";
import { browserSessionOf, ensureBrowserSession, PATIENT_COOKIE } from "@/server/chat/patient-session";
import type { Principal } from "@/server/principal/principal";

/** The patient behind this request (pages, /me and history): the anonymous session cookie and, if signed in, the user. */
export async function requestPatient(): Promise<Principal<"patient">> {
  const [jar, session] = await Promise.all([cookies(), auth()]);
  // A cookie the server did not issue (e.g. a forged "api:<org id>") names no session at all.
  return { kind: "patient", sessionHash: browserSessionOf(jar.get(PATIENT_COOKIE)?.value), userId: session?.user?.id ?? null };
}

/**
 * The patient sending a chat message from the browser: the anonymous session, issued with this response
 * on a first message. The user is not looked up (a turn needs only the session; claiming is /me's work).
 */
export async function chattingPatient(): Promise<Principal<"patient"> & { sessionHash: string }> {
  return { kind: "patient", sessionHash: ensureBrowserSession(await cookies()), userId: null };
}
