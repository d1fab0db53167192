"use server";

import { ZSignUpInput } from "@/server/accounts/account.schema";
import { signIn } from "@/server/auth";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";
import { clientAddress } from "@/server/limits/client";
import { enforceLimits } from "@/server/limits/rate-limit";
import { signUpLimit } from "@/server/limits/sign-in";
import { signUpPatient } from "@/server/patient/patient-account.service";
import { headers } from "next/headers";

/** rate_limited carries the seconds to wait in retryAfter. */
export type PatientSignUpState = { error?: "invalid_input" | "email_taken" | "rate_limited"; message?: string; retryAfter?: number } | undefined;

/** Creates a patient account and signs in; the history page then claims this browser's conversations. */
export async function patientSignUpAction(_prev: PatientSignUpState, form: FormData): Promise<PatientSignUpState> {
  const parsed = ZSignUpInput.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password"), locale: form.get("locale") ?? undefined });
  if (!parsed.success) return { error: "invalid_input", message: parsed.error.issues[0]?.message };
  try {
    const { db } = await getDatabase();
    await enforceLimits(db, [signUpLimit(clientAddress(await headers()))]);
    await signUpPatient(db, parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === "conflict") return { error: "email_taken" };
    if (isAppError(e) && e.code === "rate_limited") return { error: "rate_limited", retryAfter: e.retryAfterSeconds };
    throw e;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/me" });
}
