/**
 * Vetted crisis replies and emergency numbers. Texts live in ./replies/*.json and numbers in
 * ./hotlines.json so clinicians can review them without reading code; nothing here calls a model.
 */
import type { CrisisCategory, CrisisEvidence, CrisisLevel } from "./detect";
import hotlineTable from "./hotlines.json";
import enReplies from "./replies/en.json";
import zhReplies from "./replies/zh-CN.json";
import screeningTable from "./replies/screening.json";
import { SCREENING_IDS, type ScreeningId } from "@/db/schema/columns";

export type Region = "CN" | "US" | "UK" | "INTL";
export type Locale = "zh-CN" | "en";
export type HotlineKind = "emergency" | "police" | "crisis_line" | "poison" | "advice" | "directory";

export interface Hotline {
  id: string;
  label: Record<Locale, string>;
  number: string;
  /** tel: URI; null for entries that are not phone numbers (a website). */
  tel: string | null;
  kind: HotlineKind;
  categories: CrisisCategory[];
  /** Shown only at these levels (NHS 111 is for urgent, not life-threatening, cases). */
  levels?: CrisisLevel[];
  /** Shown only when the evidence shows poisoning. */
  onlyFor?: "poisoning";
}

type ReplyTexts = Record<CrisisCategory, Record<CrisisLevel, string>>;

const HOTLINES = hotlineTable as Record<Region, Hotline[]>;
const REPLIES: Record<Locale, ReplyTexts> = { en: enReplies, "zh-CN": zhReplies };
const NUMBERS_SLOT = "{numbers}";

/** Which numbers come first: police for violence, a crisis line unless danger is immediate. */
function kindOrder(category: CrisisCategory, level: CrisisLevel): HotlineKind[] {
  if (category === "violence") return ["police", "emergency", "crisis_line", "directory", "poison", "advice"];
  if (category === "suicide" && level !== "imminent") {
    return ["crisis_line", "directory", "emergency", "poison", "advice", "police"];
  }
  return ["emergency", "police", "poison", "crisis_line", "advice", "directory"];
}

function listNumbers(hotlines: Hotline[], locale: Locale): string {
  const items =
    locale === "zh-CN"
      ? hotlines.map((h) => `${h.number}（${h.label[locale]}）`)
      : hotlines.map((h) => `${h.number} (${h.label[locale]})`);
  if (items.length <= 1) return items.join("");
  const last = items[items.length - 1]!;
  const head = items.slice(0, -1);
  return locale === "zh-CN" ? `${head.join("、")}或 ${last}` : `${head.join(", ")} or ${last}`;
}

/**
 * The vetted reply for a verdict. Pass the verdict's `evidence` to add numbers for every category
 * it shows (intentional overdose → crisis line AND ambulance AND poison control) — the reply must
 * give every relevant number, not only the winning category's.
 */
export function getCrisisReply(args: {
  category: CrisisCategory;
  level: CrisisLevel;
  locale: Locale;
  region: Region;
  extraHotlines?: Hotline[];
  evidence?: CrisisEvidence[];
}): { text: string; hotlines: Hotline[] } {
  const { category, level, locale, region } = args;
  const evidence = args.evidence ?? [];
  const categories = new Set<CrisisCategory>([category, ...evidence.map((e) => e.category)]);
  const poisoning = evidence.some((e) => e.rule.includes(".poison"));
  // A concern addendum points to support lines, not the ambulance.
  const skipEmergency = level === "concern" && category === "suicide";
  const relevant = (h: Hotline) =>
    h.categories.some((c) => categories.has(c)) &&
    (h.levels === undefined || h.levels.includes(level)) &&
    (h.onlyFor !== "poisoning" || poisoning) &&
    !(skipEmergency && h.kind === "emergency");

  const order = kindOrder(category, level);
  const builtIn = HOTLINES[region].filter(relevant).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  // Built-in emergency numbers first; an organisation's own lines follow, without duplicates.
  const seen = new Set(builtIn.map((h) => h.number.replace(/\D/g, "") || h.number));
  const extra = (args.extraHotlines ?? []).filter((h) => {
    const key = h.number.replace(/\D/g, "") || h.number;
    if (!relevant(h) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const hotlines = [...builtIn, ...extra];
  const text = REPLIES[locale][category][level].replace(NUMBERS_SLOT, listNumbers(hotlines, locale));
  return { text, hotlines };
}

// The screening ids are stored on messages, so the schema owns them; re-exported for the safety code's callers.
export { SCREENING_IDS, type ScreeningId };

/** Phrases per patient language: "any" opens on one phrase, "all" needs one phrase from every group. */
export interface ScreeningTriggers {
  any: string[];
  all: string[][][];
}

export interface Screening {
  id: ScreeningId;
  category: CrisisCategory;
  /** The level a yes escalates at. */
  escalate: Exclude<CrisisLevel, "concern">;
  question: Record<Locale, string>;
  triggers: Record<Locale, ScreeningTriggers>;
  /** Answers that describe a yes to this question ("it goes into my arm"), besides yes itself. */
  yes: Record<Locale, string[]>;
}

const SCREENINGS = screeningTable.screens as Record<ScreeningId, Omit<Screening, "id">>;

/** The vetted screening question and what its answer is judged by. */
export function getScreening(id: ScreeningId): Screening {
  return { id, ...SCREENINGS[id] };
}

/** Generic answer words per patient language: yes (a clause starts with it), affirming (anywhere in a clause), unsure. */
export const SCREENING_ANSWERS = screeningTable.answers as Record<"yes" | "affirming" | "unsure", Record<Locale, string[]>>;
