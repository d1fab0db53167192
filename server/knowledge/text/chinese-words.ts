/**
 * Chinese word segmentation for keyword search: jieba's dictionary (in @node-rs/jieba) plus the medical
 * user dictionary (data/medical-words.json and the lexicon's short Chinese terms), in search mode, so a
 * long word also yields the dictionary words inside it (幽门螺杆菌 -> 幽门, 螺杆, 杆菌, 螺杆菌, 幽门螺杆菌).
 * Loaded on first use in each thread that tokenizes (the ingestion worker and the server).
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { LEXICON } from "./lexicon";
import MEDICAL_WORDS from "./data/medical-words.json";

/** Frequency given to user-dictionary words: high enough that jieba keeps them whole (慢阻肺, not 慢/阻/肺). */
const USER_WORD_FREQUENCY = 5000;
/** Lexicon terms longer than this are phrases ("血压老是降不下来"), not words to keep whole. */
const MAX_LEXICON_WORD = 5;
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;

/** The user dictionary's words, for tests and the tokenizer version. */
export function medicalUserWords(): string[] {
  const words = new Set<string>(MEDICAL_WORDS.words);
  for (const concept of LEXICON) {
    for (const term of [...concept.zh, ...concept.layZh]) if (term.length <= MAX_LEXICON_WORD && HAN_ONLY.test(term)) words.add(term);
  }
  return [...words].filter((w) => w.length >= 2 && HAN_ONLY.test(w));
}

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(medicalUserWords().map((w) => `${w} ${USER_WORD_FREQUENCY}`).join("\n")));
  }
  return jieba;
}

/**
 * The words of a Han run in search mode, in text order (sub-words before the word that holds them).
 * Characters the dictionary has no word for come out one by one; the tokenizer pairs them into bigrams.
 * HMM guessing is off: an unknown sequence stays characters rather than becoming an invented word.
 */
export function chineseWords(run: string): string[] {
  return segmenter().cutForSearch(run, false);
}

/** The run's words with their part-of-speech tags (jieba's: v verb, n noun, ...), in text order. */
export function taggedChineseWords(run: string): { word: string; tag: string }[] {
  return segmenter().tag(run, false);
}
