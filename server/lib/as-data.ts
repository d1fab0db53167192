/**
 * Makes a field from a document or a patient inert as markup: every tag-like "<" ("</passage>",
 * "<system>", "< /passages>") becomes "‹", so no body, title, heading, summary or message can close
 * its block and speak outside it. A "<" before a number ("BP <140", "< 140") is left as it is.
 */
export const asData = (text: string) => text.replace(/<(?=\s*\/?\s*[\p{L}_!?])/gu, "‹");
