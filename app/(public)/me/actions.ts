"use server";

import { ZSignUpInput } from "@/server/accounts/account.schema";
import { signIn } from "@/server/auth";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";
import { signUpPatient } from "@/server/patient/patient-account.service";

export type PatientSignUpState = { error?: "invalid_input" | "email_taken"; message?: string } | undefined;

/** Creates a patient account and signs in; the history page then claims this browser's conversations. */
export async function patientSignUpAction(_prev: PatientSignUpState, form: FormData): Promise<PatientSignUpState> {
  const parsed = ZSignUpInput.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password"), locale: form.get("locale") ?? undefined });
  if (!parsed.success) return { error: "invalid_input", message: parsed.error.issues[0]?.message };
  try {
    const { db } = await getDatabase();
    await signUpPatient(db, parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === "conflict") return { error: "email_taken" };
    throw e;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/me" });
}
