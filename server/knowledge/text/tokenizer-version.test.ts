import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TOKENIZER_VERSION } from "./tokenize";

/**
 * What the stored keyword tokens are made of, besides tokenize.ts itself: the dictionaries, the stopwords,
 * the synonym groups and the lexicon. Documents are re-indexed only when TOKENIZER_VERSION changes, so a
 * change here without a bump would leave old tokens in the index that queries no longer produce.
 */
const TOKEN_DATA = ["data", "lexicon"].flatMap((dir) =>
  readdirSync(path.join(__dirname, dir)).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f)),
).concat(["stopwords.ts", "synonyms.ts"]);

/** The fingerprint of TOKEN_DATA at each version; record a new line when you bump the version. */
const FINGERPRINTS: Record<number, string> = {
  3: "deed5bf46d723924f39dc3455a65635d2ac987e77be8147b59ec5f8f9c9eac99",
  4: "461ec1c033ee89e60722635e8c567a4f356f267df4a3b21b7f8ca63490b8b6fc",
  // 5: the same data; English concept phrases also match in looser wording (concepts.ts).
  5: "461ec1c033ee89e60722635e8c567a4f356f267df4a3b21b7f8ca63490b8b6fc",
  // 6: bare "egfr" left the targeted-therapy concept (kidney function reports say eGFR).
  6: "bf5577c90dd743d1cb194d3e55e1950622feb09532e96e47c993dca186e6bc4a",
};

describe("the tokenizer version", () => {
  it("changes whenever the data behind the stored tokens changes", () => {
    const hash = createHash("sha256");
    for (const file of TOKEN_DATA) hash.update(file).update(readFileSync(path.join(__dirname, file)));
    expect(hash.digest("hex"), "The tokenizer's data changed: bump TOKENIZER_VERSION in tokenize.ts and record this fingerprint for it").toBe(FINGERPRINTS[TOKENIZER_VERSION]);
  });
});
