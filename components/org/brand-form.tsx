"use client";

import { useMutation } from "@tanstack/react-query";
import { ImageUp, Save, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { contrastWithWhite, HEX_COLOR, LOGO_MAX_BYTES, LOGO_TYPES, MIN_CONTRAST } from "@/server/orgs/brand";
import { OrgBrandBanner } from "./org-brand";
import { orgErrorMessage } from "./org-errors";

type Brand = RouterOutputs["org"]["brand"];
type ColorField = "brandColor" | "accentColor";

/** The colour's problem in the reader's language, or null when white text on it meets WCAG AA. */
function useColorProblem() {
  const t = useT();
  return (value: string) => {
    if (!HEX_COLOR.test(value)) return t("org.brand.badHex");
    const ratio = contrastWithWhite(value);
    return ratio < MIN_CONTRAST ? t("org.brand.contrastLow", { color: value, ratio: ratio.toFixed(2) }) : null;
  };
}

function ColorField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error: string | null }) {
  const t = useT();
  const valid = HEX_COLOR.test(value);
  return (
    <Field label={label} htmlFor={id} error={error ?? undefined} hint={valid && !error ? t("org.brand.contrast", { ratio: contrastWithWhite(value).toFixed(2) }) : t("org.brand.colorHint")}>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={t("org.brand.picker", { label })}
          value={valid ? value.toLowerCase() : "#000000"}
          onChange={(e) => onChange(e.target.value)}
          className="h-11 w-14 shrink-0 cursor-pointer rounded-lg border border-slate-300 bg-white p-1"
        />
        <Input
          id={id}
          value={value}
          maxLength={7}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { error: Boolean(error), hint: true })}
        />
      </div>
    </Field>
  );
}

/** Name, description, colours (refused below 4.5:1 contrast with white text) and logo, with a live preview. */
export function BrandForm({ initial }: { initial: Brand }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const colorProblem = useColorProblem();
  const [brand, setBrand] = useState(initial);
  const [draft, setDraft] = useState({ name: initial.name, description: initial.description, brandColor: initial.brandColor, accentColor: initial.accentColor });
  const [status, setStatus] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const save = useMutation(trpc.org.updateBrand.mutationOptions());
  const upload = useMutation(trpc.org.setLogo.mutationOptions());
  const removeLogo = useMutation(trpc.org.removeLogo.mutationOptions());
  const problems: Record<ColorField, string | null> = { brandColor: colorProblem(draft.brandColor), accentColor: colorProblem(draft.accentColor) };
  const edit = (patch: Partial<typeof draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(null);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problems.brandColor || problems.accentColor) {
      document.getElementById(`${id}-${problems.brandColor ? "brandColor" : "accentColor"}`)?.focus();
      return;
    }
    save.mutate(draft, {
      onSuccess: (saved) => {
        setBrand(saved);
        setStatus({ tone: "success", text: t("org.brand.saved") });
      },
      onError: (e) => setStatus({ tone: "danger", text: orgErrorMessage(e, t) }),
    });
  }

  async function chooseLogo(file: File | undefined) {
    setLogoError(null);
    if (!file) return;
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return setLogoError(t("org.brand.logoBadType"));
    if (file.size > LOGO_MAX_BYTES) return setLogoError(t("org.brand.logoTooBig"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    upload.mutate({ dataBase64: btoa(binary) }, { onSuccess: setBrand, onError: (e) => setLogoError(orgErrorMessage(e, t)) });
  }

  const preview = { ...brand, ...draft, brandColor: problems.brandColor ? brand.brandColor : draft.brandColor, accentColor: problems.accentColor ? brand.accentColor : draft.accentColor };
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-2">
        <h2 id={`${id}-preview`} className="text-sm font-semibold text-slate-700">
          {t("org.brand.preview")}
        </h2>
        <OrgBrandBanner brand={preview} showDescription logoAlt={t("org.brand.logoAlt", { name: preview.name })} />
      </section>

      <form onSubmit={submit} className="flex flex-col gap-4" aria-busy={save.isPending} noValidate>
        <Field label={t("org.brand.name")} htmlFor={`${id}-name`}>
          <Input id={`${id}-name`} value={draft.name} required maxLength={120} onChange={(e) => edit({ name: e.target.value })} />
        </Field>
        <Field label={t("org.brand.description")} htmlFor={`${id}-description`}>
          <Textarea id={`${id}-description`} value={draft.description} maxLength={600} rows={3} onChange={(e) => edit({ description: e.target.value })} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <ColorField id={`${id}-brandColor`} label={t("org.brand.brandColor")} value={draft.brandColor} onChange={(v) => edit({ brandColor: v })} error={problems.brandColor} />
          <ColorField id={`${id}-accentColor`} label={t("org.brand.accentColor")} value={draft.accentColor} onChange={(v) => edit({ accentColor: v })} error={problems.accentColor} />
        </div>
        <div aria-live="polite">{status ? <Alert tone={status.tone} role={status.tone === "danger" ? "alert" : undefined}>{status.text}</Alert> : null}</div>
        <div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? <Spinner /> : <Save aria-hidden />}
            {save.isPending ? t("org.brand.saving") : t("org.brand.save")}
          </Button>
        </div>
      </form>

      <section aria-labelledby={`${id}-logo`} className="flex flex-col gap-2 border-t border-slate-200 pt-4">
        <h2 id={`${id}-logo`} className="font-semibold text-slate-900">
          {t("org.brand.logo")}
        </h2>
        <p id={`${id}-logo-hint`} className="text-sm text-slate-600">
          {t("org.brand.logoHint")}
        </p>
        {!brand.hasLogo ? <p className="text-sm text-slate-700">{t("org.brand.logoNone")}</p> : null}
        <div className="flex flex-wrap items-center gap-2">
          <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 focus-within:outline-2 focus-within:outline-brand-600 hover:bg-slate-50">
            {upload.isPending ? <Spinner /> : <ImageUp aria-hidden className="size-4" />}
            {upload.isPending ? t("org.brand.logoUploading") : t("org.brand.logoUpload")}
            <input
              type="file"
              accept={LOGO_TYPES.join(",")}
              className="sr-only"
              aria-describedby={`${id}-logo-hint`}
              onChange={(e) => {
                void chooseLogo(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
          </label>
          {brand.hasLogo ? (
            <Button variant="ghost" disabled={removeLogo.isPending} onClick={() => removeLogo.mutate(undefined, { onSuccess: setBrand })}>
              <Trash2 aria-hidden />
              {t("org.brand.logoRemove")}
            </Button>
          ) : null}
        </div>
        <div aria-live="polite">{logoError ? <Alert tone="danger">{logoError}</Alert> : null}</div>
      </section>
    </div>
  );
}
