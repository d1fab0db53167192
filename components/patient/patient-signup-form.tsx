"use client";

import { useActionState } from "react";
import { patientSignUpAction } from "@/app/(public)/me/actions";
import { SubmitButton } from "@/components/auth/submit-button";
import { submitKeepingValues } from "@/components/auth/submit-keeping-values";
import { useLocale, useT } from "@/components/i18n/client";
import { rateLimitedMessage } from "@/components/i18n/wait";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** A light patient account: name, e-mail and password; no organization, no avatar. */
export function PatientSignupForm() {
  const t = useT();
  const locale = useLocale();
  const [state, action, pending] = useActionState(patientSignUpAction, undefined);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4" aria-busy={pending} aria-labelledby="patient-signup-title">
      <div>
        <h2 id="patient-signup-title" className="text-lg font-semibold text-slate-900">
          {t("patient.account.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("patient.account.lead")}</p>
      </div>
      {state?.error ? (
        <Alert tone="danger" role="alert">
          {state.error === "email_taken"
            ? t("patient.account.emailTaken")
            : state.error === "rate_limited"
              ? rateLimitedMessage(t, state.retryAfter ?? 60)
              : t("patient.account.invalid", { message: state.message ?? "" })}
        </Alert>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("patient.account.name")} htmlFor="patient-name">
        <Input id="patient-name" name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label={t("patient.account.email")} htmlFor="patient-email">
        <Input id="patient-email" name="email" type="email" autoComplete="email" required maxLength={200} />
      </Field>
      <Field label={t("patient.account.password")} htmlFor="patient-password">
        <Input id="patient-password" name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
      </Field>
      <SubmitButton pending={pending} label={t("patient.account.submit")} pendingLabel={t("common.loading")} />
    </form>
  );
}
