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

const LANGUAGES: TAvatarProfile["language"][] = ["zh-CN", "en"];
const REGIONS: TAvatarProfile["region"][] = ["CN", "US", "UK", "INTL"];

export const EMPTY_PROFILE: TAvatarProfile = {
  name: "",
  title: "",
  specialty: "",
  bio: "",
  greeting: "",
  language: "zh-CN",
  disclaimer: "",
  region: "CN",
};

function readProfile(form: HTMLFormElement): TAvatarProfile {
  const data = new FormData(form);
  const text = (name: keyof TAvatarProfile) => String(data.get(name) ?? "");
  return {
    name: text("name"),
    title: text("title"),
    specialty: text("specialty"),
    bio: text("bio"),
    greeting: text("greeting"),
    language: text("language") as TAvatarProfile["language"],
    disclaimer: text("disclaimer"),
    region: text("region") as TAvatarProfile["region"],
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
  initial: TAvatarProfile;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: string | null;
  success?: string | null;
  onSubmit: (profile: TAvatarProfile) => void;
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
        <Field label={t("profile.bio")} htmlFor={fieldId("bio")} className="sm:col-span-2">
          <Textarea id={fieldId("bio")} name="bio" maxLength={2000} rows={3} defaultValue={initial.bio} />
        </Field>
        <Field label={t("profile.greeting")} htmlFor={fieldId("greeting")} hint={t("profile.greetingHint")} className="sm:col-span-2">
          <Textarea id={fieldId("greeting")} name="greeting" maxLength={500} rows={2} defaultValue={initial.greeting} aria-describedby={`${fieldId("greeting")}-hint`} />
        </Field>
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
        <Field label={t("profile.disclaimer")} htmlFor={fieldId("disclaimer")} hint={t("profile.disclaimerHint")} className="sm:col-span-2">
          <Textarea id={fieldId("disclaimer")} name="disclaimer" maxLength={1000} rows={2} defaultValue={initial.disclaimer} aria-describedby={`${fieldId("disclaimer")}-hint`} />
        </Field>
      </div>
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
