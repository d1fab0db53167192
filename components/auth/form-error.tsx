"use client";

import type { AuthFormState } from "@/app/(auth)/actions";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { rateLimitedMessage } from "@/components/i18n/wait";
import { Alert } from "@/components/ui/alert";

const MESSAGE_BY_ERROR: Record<Exclude<NonNullable<NonNullable<AuthFormState>["error"]>, "rate_limited">, MessageKey> = {
  invalid_credentials: "auth.error.invalidCredentials",
  invalid_input: "auth.error.invalidInput",
  email_taken: "auth.error.emailTaken",
};

/** The form's error, announced as soon as it appears (role=alert). */
export function AuthFormError({ state }: { state: AuthFormState }) {
  const t = useT();
  if (!state?.error) return null;
  return (
    <Alert tone="danger" role="alert">
      {state.error === "rate_limited" ? rateLimitedMessage(t, state.retryAfter ?? 60) : t(MESSAGE_BY_ERROR[state.error])}
    </Alert>
  );
}
