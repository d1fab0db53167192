/**
 * The reviewed bilingual lay <-> clinical lexicon (lexicon/*.json, one file per specialty): each concept
 * names one thing in clinicians' words (en, zh) and in patients' words (lay_en, lay_zh). Written from
 * general medical knowledge, not from any evaluation set. A patient's "water pill" and a doctor's
 * "furosemide" meet through the concept (keyword-index.ts adds a concept token to both, at a lower weight
 * than the patient's own words; the offline embedder adds a concept feature).
 *
 * Review rules: keep phrases specific (an everyday word such as "heart" or 累 would tie unrelated texts
 * together); a phrase belongs to one concept only; English phrases match on word stems with stopwords
 * ignored, so a phrase made only of stopwords and filler ("how much to take") matches nothing, and one that
 * reduces to a single common word matches that word everywhere. Chinese phrases match as substrings, so a
 * one-character phrase would match inside countless words, a question's ending (怎么办, 吃什么药) needs no
 * variant, and a wording with a word inside the phrase (血压一直降不下来 beside 血压降不下来) does.
 * Changing a file changes the index: bump TOKENIZER_VERSION (tokenize.ts) so documents are re-indexed
 * (tokenizer-version.test.ts fails until you do).
 */
import cardiology from "./lexicon/cardiology.json";
import dermatology from "./lexicon/dermatology.json";
import endocrinology from "./lexicon/endocrinology.json";
import ent from "./lexicon/ent.json";
import gastroenterology from "./lexicon/gastroenterology.json";
import general from "./lexicon/general.json";
import geriatrics from "./lexicon/geriatrics.json";
import haematology from "./lexicon/haematology.json";
import hepatology from "./lexicon/hepatology.json";
import infectiousDisease from "./lexicon/infectious-disease.json";
import investigations from "./lexicon/investigations.json";
import mentalHealth from "./lexicon/mental-health.json";
import neurology from "./lexicon/neurology.json";
import obstetricsGynaecology from "./lexicon/obstetrics-gynaecology.json";
import oncology from "./lexicon/oncology.json";
import ophthalmology from "./lexicon/ophthalmology.json";
import paediatrics from "./lexicon/paediatrics.json";
import pharmacy from "./lexicon/pharmacy.json";
import renal from "./lexicon/renal.json";
import respiratory from "./lexicon/respiratory.json";
import rheumatology from "./lexicon/rheumatology.json";
import urology from "./lexicon/urology.json";

export interface LexiconConcept {
  /** Stable id (an English clinical name); concept tokens and embedder features are derived from it. */
  id: string;
  specialty: string;
  en: readonly string[];
  layEn: readonly string[];
  zh: readonly string[];
  layZh: readonly string[];
}

interface LexiconFile {
  specialty: string;
  concepts: { id: string; en: string[]; lay_en: string[]; zh: string[]; lay_zh: string[] }[];
}

const FILES: readonly LexiconFile[] = [
  cardiology, endocrinology, respiratory, gastroenterology, hepatology, oncology, renal, urology, neurology, mentalHealth,
  paediatrics, obstetricsGynaecology, rheumatology, infectiousDisease, haematology, dermatology, ent, ophthalmology, geriatrics,
  investigations, pharmacy, general,
];

export const LEXICON: readonly LexiconConcept[] = FILES.flatMap((file) =>
  file.concepts.map((c) => ({ id: c.id, specialty: file.specialty, en: c.en, layEn: c.lay_en, zh: c.zh, layZh: c.lay_zh })),
);

/** A concept's phrases, the id first (the form synonyms.ts's groups have). */
export function conceptPhrases(c: LexiconConcept): string[] {
  return [...new Set([c.id, ...c.en, ...c.layEn, ...c.zh, ...c.layZh])];
}
