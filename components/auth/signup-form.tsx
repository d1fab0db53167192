"use client";

import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { useLocale, useT } from "@/components/i18n/client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthFormError } from "./form-error";
import { submitKeepingValues } from "./submit-keeping-values";
import { SubmitButton } from "./submit-button";

export function SignupForm() {
  const t = useT();
  const locale = useLocale();
  const [state, action, pending] = useActionState(signUpAction, undefined);
  const onSubmit = submitKeepingValues(action);
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={pending}>
      <AuthFormError state={state} />
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("auth.name")} htmlFor="signup-name">
        <Input id="signup-name" name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label={t("auth.email")} htmlFor="signup-email">
        <Input id="signup-email" name="email" type="email" autoComplete="email" required aria-invalid={state?.error === "email_taken" ? true : undefined} />
      </Field>
      <Field label={t("auth.password")} htmlFor="signup-password" hint={t("auth.passwordHint")}>
        <Input id="signup-password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="signup-password-hint" />
      </Field>
      <SubmitButton pending={pending} label={t("auth.signUp.submit")} pendingLabel={t("auth.signUp.pending")} />
    </form>
  );
}
