"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { useT } from "@/components/i18n/client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AuthFormError } from "./form-error";
import { submitKeepingValues } from "./submit-keeping-values";
import { SubmitButton } from "./submit-button";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(signInAction, undefined);
  const onSubmit = submitKeepingValues(action);
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={pending}>
      <AuthFormError state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label={t("auth.email")} htmlFor="login-email">
        <Input id="login-email" name="email" type="email" autoComplete="email" required aria-invalid={state?.error ? true : undefined} />
      </Field>
      <Field label={t("auth.password")} htmlFor="login-password">
        <Input id="login-password" name="password" type="password" autoComplete="current-password" required aria-invalid={state?.error ? true : undefined} />
      </Field>
      <SubmitButton pending={pending} label={t("auth.signIn.submit")} pendingLabel={t("auth.signIn.pending")} />
    </form>
  );
}
