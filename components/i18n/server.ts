import { cookies, headers } from "next/headers";
import { isLocale, type Locale, LOCALE_COOKIE, negotiateLocale } from "@/server/i18n/locales";
import { type MessageKey, translate } from "@/server/i18n/messages";

/** The visitor's language: their explicit choice (cookie), else what the browser asks for. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export async function getT() {
  const locale = await getLocale();
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
}
