import { describe, expect, it } from "vitest";
import { createOfflineEmbedder } from "./offline";

const embedder = createOfflineEmbedder();

function cosine(a: number[], b: number[]): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

async function similarity(a: string, b: string): Promise<number> {
  const [va, vb] = await embedder.embed([a, b]);
  return cosine(va!, vb!);
}

describe("createOfflineEmbedder", () => {
  it("declares its id and dimensions", () => {
    expect(embedder.id).toBe("offline-hash-v3");
    expect(embedder.dimensions).toBe(384);
  });

  it("returns one L2-normalised vector of the declared size per text, in order", async () => {
    const vectors = await embedder.embed(["Knee pain after running", "跑步后膝盖疼", "x"]);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 6);
    }
  });

  it("is deterministic", async () => {
    const [a] = await embedder.embed(["Iron tablets can cause constipation."]);
    const [b] = await createOfflineEmbedder().embed(["Iron tablets can cause constipation."]);
    expect(a).toEqual(b);
  });

  it("gives a zero vector for text without features", async () => {
    const [v] = await embedder.embed(["?!"]);
    expect(v!.every((x) => x === 0)).toBe(true);
  });

  it("places an English paraphrase closer than an unrelated text", async () => {
    const passage = "Migraine headaches are often treated with rest in a dark room and pain relievers.";
    const paraphrase = "How do you treat a migraine headache?";
    const unrelated = "Which vaccines should a toddler receive this year?";
    expect(await similarity(passage, paraphrase)).toBeGreaterThan((await similarity(passage, unrelated)) + 0.1);
  });

  it("matches word forms through stems and sub-words", async () => {
    expect(await similarity("diagnosing gout", "gout diagnosis")).toBeGreaterThan(await similarity("diagnosing gout", "painting walls"));
  });

  it("places a Chinese paraphrase closer than an unrelated text", async () => {
    const passage = "偏头痛发作时可以在安静的暗室休息，必要时服用止痛药。";
    const paraphrase = "偏头痛发作了怎么缓解？";
    const unrelated = "小孩打疫苗前要注意什么？";
    expect(await similarity(passage, paraphrase)).toBeGreaterThan((await similarity(passage, unrelated)) + 0.1);
  });

  it("brings synonyms together, within and across languages", async () => {
    const clinical = "Signs of myocardial infarction";
    expect(await similarity(clinical, "signs of a heart attack")).toBeGreaterThan(await similarity(clinical, "signs of a broken wrist"));
    expect(await similarity("心梗的表现", "心肌梗死的表现")).toBeGreaterThan(await similarity("心梗的表现", "骨折的表现"));
    expect(await similarity("high blood pressure", "高血压")).toBeGreaterThan(0.3);
  });

  it("embeds 1,000 passages of ~800 characters quickly", async () => {
    const passage =
      "Regular physical activity lowers blood pressure, improves cholesterol and helps control weight. " +
      "Adults should aim for at least 150 minutes of moderate exercise each week, spread over several days. ";
    const texts = Array.from({ length: 1000 }, (_, i) => `${passage.repeat(4).slice(0, 790)} ${i}`);
    const started = performance.now();
    await embedder.embed(texts);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
