"use client";

import { Copy, KeyRound } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type DestinationKind, CRISIS_LIMITS as L } from "@/server/orgs/crisis-settings.limits";
import { generateWebhookSecret } from "./generate-secret";

/**
 * The signing secret is write-only: the server never reads it back. A generated secret is shown
 * here once, with a copy button, until it is saved or edited. A chat robot's secret is the
 * platform's, pasted in, never generated.
 */
export function WebhookSecretField({
  id,
  kind,
  value,
  hasSecret,
  error,
  onChange,
}: {
  id: string;
  kind: DestinationKind;
  value: string;
  hasSecret: boolean;
  error?: string;
  onChange: (secret: string) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const copyButton = useRef<HTMLButtonElement>(null);
  const showGenerated = generated !== null && generated === value;
  const robot = kind !== "webhook";

  // Straight to the next step: the copy button, described by the warning, so screen readers hear it too.
  useEffect(() => {
    if (generated) copyButton.current?.focus();
  }, [generated]);

  function generate() {
    const secret = generateWebhookSecret();
    setGenerated(secret);
    setCopy("idle");
    onChange(secret);
  }

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy("copied");
    } catch {
      // No clipboard (plain http on a hospital network, or denied): leave the secret selected instead.
      input.current?.focus();
      input.current?.select();
      setCopy("failed");
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Field
        label={robot ? t("dest.secret.robot") : t("settings.crisis.webhookSecret")}
        htmlFor={id}
        error={error}
        hint={
          kind === "dingtalk" || kind === "feishu"
            ? t(`dest.secret.hint.${kind}`)
            : hasSecret
              ? t("settings.crisis.webhookSecret.hintSet")
              : t("settings.crisis.webhookSecret.hintUnset", { min: L.webhookSecretMin })
        }
      >
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            ref={input}
            id={id}
            name="webhookSecret"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            maxLength={L.webhookSecretMax}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, { hint: true, error: Boolean(error) })}
          />
          {robot ? null : (
            <Button variant="secondary" onClick={generate} className="shrink-0">
              <KeyRound aria-hidden />
              {t("settings.crisis.webhookSecret.generate")}
            </Button>
          )}
        </div>
      </Field>
      {showGenerated ? (
        <Alert tone="warning" data-testid="generated-secret">
          <p id={`${id}-generated`}>{t("settings.crisis.webhookSecret.generated")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <Button ref={copyButton} variant="secondary" size="sm" onClick={copySecret} aria-describedby={`${id}-generated`}>
              <Copy aria-hidden />
              {t("settings.crisis.webhookSecret.copy")}
            </Button>
            <span role="status" className="font-medium">
              {copy === "copied" ? t("settings.crisis.webhookSecret.copied") : copy === "failed" ? t("settings.crisis.webhookSecret.copyFailed") : null}
            </span>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}
