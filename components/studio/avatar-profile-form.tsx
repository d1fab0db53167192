"use client";

import { useId } from "react";
import { useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { TAvatarProfile } from "@/server/avatars/avatar.schema";

type Language = "zh-CN" | "en";
type Region = "CN" | "US" | "UK" | "INTL";
type Policy = "materials_only" | "materials_first";
const LANGUAGES: Language[] = ["zh-CN", "en"];
const REGIONS: Region[] = ["CN", "US", "UK", "INTL"];
const POLICIES: Policy[] = ["materials_only", "materials_first"];

/** Every field filled, as the form shows it. */
export type ProfileFormValues = Required<TAvatarProfile>;

export const EMPTY_PROFILE: ProfileFormValues = {
  name: "",
  title: "",
  specialty: "",
  hospital: "",
  bio: "",
  greeting: "",
  language: "zh-CN",
  languages: [],
  disclaimer: "",
  region: "CN",
  tone: "",
  topicsIn: [],
  topicsOut: [],
  outOfScopeText: "",
  suggestedQuestions: [],
  answerPolicy: "materials_only",
  noAnswerText: "",
};

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function readProfile(form: HTMLFormElement): ProfileFormValues {
  const data = new FormData(form);
  const text = (name: keyof TAvatarProfile) => String(data.get(name) ?? "");
  const language = text("language") as Language;
  const languages = data.getAll("languages").map(String) as Language[];
  return {
    name: text("name"),
    title: text("title"),
    specialty: text("specialty"),
    hospital: text("hospital"),
    bio: text("bio"),
    greeting: text("greeting"),
    language,
    // The main language always counts among the languages answered in.
    languages: LANGUAGES.filter((l) => l === language || languages.includes(l)),
    disclaimer: text("disclaimer"),
    region: text("region") as Region,
    tone: text("tone"),
    topicsIn: lines(text("topicsIn")),
    topicsOut: lines(text("topicsOut")),
    outOfScopeText: text("outOfScopeText"),
    suggestedQuestions: lines(text("suggestedQuestions")),
    answerPolicy: text("answerPolicy") as Policy,
    noAnswerText: text("noAnswerText"),
  };
}

/** The persona fields, used both to create an avatar and to edit one. */
export function AvatarProfileForm({
  initial,
  submitLabel,
  pendingLabel,
  pending,
  error,
  success,
  onSubmit,
}: {
  initial: ProfileFormValues;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  success?: string | null;
  onSubmit: (profile: ProfileFormValues) => void;
}) {
  const t = useT();
  const id = useId();
  const fieldId = (name: keyof TAvatarProfile) => `${id}-${name}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(readProfile(event.currentTarget));
      }}
      className="flex flex-col gap-4"
      aria-busy={pending}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("profile.name")} htmlFor={fieldId("name")} className="sm:col-span-2">
          <Input id={fieldId("name")} name="name" required maxLength={80} defaultValue={initial.name} />
        </Field>
        <Field label={t("profile.title")} htmlFor={fieldId("title")} hint={t("profile.titleHint")}>
          <Input id={fieldId("title")} name="title" maxLength={120} defaultValue={initial.title} aria-describedby={`${fieldId("title")}-hint`} />
        </Field>
        <Field label={t("profile.specialty")} htmlFor={fieldId("specialty")} hint={t("profile.specialtyHint")}>
          <Input id={fieldId("specialty")} name="specialty" maxLength={120} defaultValue={initial.specialty} aria-describedby={`${fieldId("specialty")}-hint`} />
        </Field>
        <Field label={t("persona.hospital")} htmlFor={fieldId("hospital")} hint={t("persona.hospitalHint")} className="sm:col-span-2">
          <Input id={fieldId("hospital")} name="hospital" maxLength={160} defaultValue={initial.hospital} aria-describedby={`${fieldId("hospital")}-hint`} />
        </Field>
        <Field label={t("profile.bio")} htmlFor={fieldId("bio")} className="sm:col-span-2">
          <Textarea id={fieldId("bio")} name="bio" maxLength={2000} rows={3} defaultValue={initial.bio} />
        </Field>
        <HintedTextarea fieldId={fieldId} name="greeting" label={t("profile.greeting")} hint={t("profile.greetingHint")} className="sm:col-span-2" maxLength={500} rows={2} defaultValue={initial.greeting} />
        <Field label={t("profile.language")} htmlFor={fieldId("language")}>
          <Select id={fieldId("language")} name="language" defaultValue={initial.language}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`profile.language.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("profile.region")} htmlFor={fieldId("region")} hint={t("profile.regionHint")}>
          <Select id={fieldId("region")} name="region" defaultValue={initial.region} aria-describedby={`${fieldId("region")}-hint`}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`profile.region.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset className="flex flex-col gap-1.5 sm:col-span-2" aria-describedby={`${fieldId("languages")}-hint`}>
          <legend className="text-sm font-medium text-slate-900">{t("persona.languages")}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2 pt-1">
            {LANGUAGES.map((l) => (
              <label key={l} className="flex min-h-11 items-center gap-2 text-sm text-slate-900">
                <input type="checkbox" name="languages" value={l} defaultChecked={initial.languages.includes(l) || initial.language === l} className="size-5 accent-brand-600" />
                {t(`profile.language.${l}`)}
              </label>
            ))}
          </div>
          <p id={`${fieldId("languages")}-hint`} className="text-xs text-slate-600">
            {t("persona.languagesHint")}
          </p>
        </fieldset>
        <HintedTextarea fieldId={fieldId} name="tone" label={t("persona.tone")} hint={t("persona.toneHint")} className="sm:col-span-2" maxLength={1000} rows={2} defaultValue={initial.tone} />
        <HintedTextarea fieldId={fieldId} name="suggestedQuestions" label={t("persona.suggestedQuestions")} hint={t("persona.suggestedQuestionsHint")} className="sm:col-span-2" rows={3} defaultValue={initial.suggestedQuestions.join("\n")} />
        <HintedTextarea fieldId={fieldId} name="disclaimer" label={t("profile.disclaimer")} hint={t("profile.disclaimerHint")} className="sm:col-span-2" maxLength={1000} rows={2} defaultValue={initial.disclaimer} />
      </div>
      <fieldset className="grid gap-4 rounded-xl border border-slate-200 p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold text-slate-900">{t("persona.section.scope")}</legend>
        <HintedTextarea fieldId={fieldId} name="topicsIn" label={t("persona.topicsIn")} hint={t("persona.topicsHint")} rows={3} defaultValue={initial.topicsIn.join("\n")} />
        <HintedTextarea fieldId={fieldId} name="topicsOut" label={t("persona.topicsOut")} hint={t("persona.topicsHint")} rows={3} defaultValue={initial.topicsOut.join("\n")} />
        <HintedTextarea fieldId={fieldId} name="outOfScopeText" label={t("persona.outOfScopeText")} hint={t("persona.outOfScopeTextHint")} className="sm:col-span-2" maxLength={500} rows={2} defaultValue={initial.outOfScopeText} />
        <fieldset className="flex flex-col gap-2 sm:col-span-2" aria-describedby={`${fieldId("answerPolicy")}-hint`}>
          <legend className="text-sm font-medium text-slate-900">{t("persona.answerPolicy")}</legend>
          {POLICIES.map((p) => (
            <label key={p} className="flex min-h-11 items-start gap-2 text-sm text-slate-900">
              <input type="radio" name="answerPolicy" value={p} defaultChecked={initial.answerPolicy === p} className="mt-0.5 size-5 shrink-0 accent-brand-600" />
              <span>{t(`persona.policy.${p}`)}</span>
            </label>
          ))}
          <p id={`${fieldId("answerPolicy")}-hint`} className="text-xs text-slate-600">
            {t("persona.answerPolicyHint")}
          </p>
        </fieldset>
        <HintedTextarea fieldId={fieldId} name="noAnswerText" label={t("persona.noAnswerText")} hint={t("persona.noAnswerTextHint")} className="sm:col-span-2" maxLength={500} rows={2} defaultValue={initial.noAnswerText} />
      </fieldset>
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {success ? (
        <Alert tone="success" role="status">
          {success}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner /> : null}
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** A profile textarea with its hint: the control's id, name and aria-describedby all follow from the profile field. */
function HintedTextarea({
  fieldId,
  name,
  label,
  hint,
  className,
  ...props
}: {
  fieldId: (name: keyof TAvatarProfile) => string;
  name: keyof TAvatarProfile;
  label: string;
  hint: string;
  className?: string;
} & Pick<React.ComponentProps<typeof Textarea>, "maxLength" | "rows" | "defaultValue">) {
  const controlId = fieldId(name);
  return (
    <Field label={label} htmlFor={controlId} hint={hint} className={className}>
      <Textarea id={controlId} name={name} aria-describedby={`${controlId}-hint`} {...props} />
    </Field>
  );
}
