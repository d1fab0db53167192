import type { Locale } from "./locales";
import { analyticsEn, analyticsZh } from "./messages/analytics";
import { casesEn, casesZh } from "./messages/cases";
import { commonEn, commonZh } from "./messages/common";
import { corporaEn, corporaZh } from "./messages/corpora";
import { destinationsEn, destinationsZh } from "./messages/destinations";
import { testQuestionsEn, testQuestionsZh } from "./messages/test-questions";
import { doctorEn, doctorZh } from "./messages/doctor";
import { governanceEn, governanceZh } from "./messages/governance";
import { orgEn, orgZh } from "./messages/org";
import { patientEn, patientZh } from "./messages/patient";
import { personaEn, personaZh } from "./messages/persona";
import { routingEn, routingZh } from "./messages/routing";
import { simulationEn, simulationZh } from "./messages/simulation";
import { widgetEn, widgetZh } from "./messages/widget";

/** Every UI string in English; each area file defines its keys in both languages (the type checker enforces it). */
export const en = {
  ...commonEn,
  ...personaEn,
  ...patientEn,
  ...doctorEn,
  ...widgetEn,
  ...casesEn,
  ...simulationEn,
  ...orgEn,
  ...corporaEn,
  ...governanceEn,
  ...analyticsEn,
  ...routingEn,
  ...destinationsEn,
  ...testQuestionsEn,
};

export type MessageKey = keyof typeof en;

/** 简体中文界面文案。 */
export const zhCN: Record<MessageKey, string> = {
  ...commonZh,
  ...personaZh,
  ...patientZh,
  ...doctorZh,
  ...widgetZh,
  ...casesZh,
  ...simulationZh,
  ...orgZh,
  ...corporaZh,
  ...governanceZh,
  ...analyticsZh,
  ...routingZh,
  ...destinationsZh,
  ...testQuestionsZh,
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

/** Looks up a UI string and fills {placeholders}. */
export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogs[locale][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
}
