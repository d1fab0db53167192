"use client";

import { useActionState } from "react";
import { acceptInvitationAction, type InviteFormState, signUpWithInvitationAction } from "@/app/(auth)/org-actions";
import { SubmitButton } from "@/components/auth/submit-button";
import { submitKeepingValues } from "@/components/auth/submit-keeping-values";
import { useLocale, useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

function InviteError({ state }: { state: InviteFormState }) {
  const t = useT();
  if (!state) return null;
  const text =
    state.error === "invalid_input"
      ? t("auth.error.invalidInput")
      : state.error === "email_taken"
        ? t("auth.error.emailTaken")
        : t("org.inviteAccept.failed", { message: state.message ?? "" });
  return (
    <Alert tone="danger" role="alert">
      {text}
    </Alert>
  );
}

/** A signed-in user with the invited address joins with one button. */
export function JoinButton({ token, orgName }: { token: string; orgName: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), undefined);
  return (
    <form action={action} className="flex flex-col gap-3" aria-busy={pending}>
      <InviteError state={state} />
      <SubmitButton pending={pending} label={t("org.inviteAccept.join", { org: orgName })} pendingLabel={t("org.inviteAccept.joining")} />
    </form>
  );
}

/** A newcomer creates their account for the invited address and joins. */
export function InviteSignupForm({ token, email }: { token: string; email: string }) {
  const t = useT();
  const locale = useLocale();
  const [state, action, pending] = useActionState(signUpWithInvitationAction.bind(null, token), undefined);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4" aria-busy={pending}>
      <InviteError state={state} />
      <input type="hidden" name="locale" value={locale} />
      <Field label={t("auth.email")} htmlFor="invite-email">
        <Input id="invite-email" type="email" value={email} readOnly autoComplete="email" />
      </Field>
      <Field label={t("auth.name")} htmlFor="invite-name">
        <Input id="invite-name" name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label={t("auth.password")} htmlFor="invite-password" hint={t("auth.passwordHint")}>
        <Input id="invite-password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="invite-password-hint" />
      </Field>
      <SubmitButton pending={pending} label={t("org.inviteAccept.createSubmit")} pendingLabel={t("auth.signUp.pending")} />
    </form>
  );
}
