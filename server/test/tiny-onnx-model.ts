/**
 * Builds a tiny sentence-embedding model folder in the layout transformers.js loads (config.json,
 * tokenizer.json, tokenizer_config.json, onnx/model.onnx), so the ONNX embedder is tested on a real
 * model without downloading one. The "model" is a word-embedding table behind one ONNX Gather node
 * (input_ids -> last_hidden_state); the pipeline's mean pooling and normalisation do the rest. The
 * ONNX protobuf is written by hand: a few message types, varints and length-delimited fields.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// --- protobuf wire format -------------------------------------------------------------------------

type Field = Uint8Array;

function varint(value: number | bigint): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

const intField = (field: number, value: number | bigint): Field => new Uint8Array([...varint(field << 3), ...varint(value)]);
const bytesField = (field: number, bytes: Uint8Array): Field => concat([new Uint8Array([...varint((field << 3) | 2), ...varint(bytes.length)]), bytes]);
const stringField = (field: number, s: string): Field => bytesField(field, new TextEncoder().encode(s));
const message = (...fields: Field[]): Uint8Array => concat(fields);

// --- ONNX messages (onnx.proto field numbers) -----------------------------------------------------

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

function dimension(d: number | string): Uint8Array {
  return typeof d === "number" ? message(intField(1, d)) : message(stringField(2, d));
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]): Uint8Array {
  const shape = message(...dims.map((d) => bytesField(1, dimension(d))));
  const tensorType = message(intField(1, elemType), bytesField(2, shape));
  const type = message(bytesField(1, tensorType));
  return message(stringField(1, name), bytesField(2, type));
}

function floatTensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  return message(...dims.map((d) => intField(1, d)), intField(2, FLOAT), stringField(8, name), bytesField(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength)));
}

function gatherNode(): Uint8Array {
  const axis = message(stringField(1, "axis"), intField(3, 0), intField(20, ATTRIBUTE_INT));
  return message(stringField(1, "embeddings"), stringField(1, "input_ids"), stringField(2, "last_hidden_state"), stringField(3, "lookup"), stringField(4, "Gather"), bytesField(5, axis));
}

/** An ONNX model: last_hidden_state[b, s, :] = table[input_ids[b, s], :]. */
export function embeddingTableModel(table: Float32Array, vocabSize: number, dims: number): Uint8Array {
  const graph = message(
    bytesField(1, gatherNode()),
    stringField(2, "tiny-embedder"),
    bytesField(5, floatTensor("embeddings", [vocabSize, dims], table)),
    bytesField(11, valueInfo("input_ids", INT64, ["batch", "sequence"])),
    bytesField(12, valueInfo("last_hidden_state", FLOAT, ["batch", "sequence", dims])),
  );
  const opset = message(stringField(1, ""), intField(2, 13));
  return message(intField(1, 8), stringField(2, "fenshen-test"), bytesField(7, graph), bytesField(8, opset));
}

// --- the model folder -----------------------------------------------------------------------------

/**
 * Words of one topic share a direction, so texts about the same topic embed close together:
 * each word's vector is its topic's axis plus a little of its own.
 */
const TOPICS: readonly (readonly string[])[] = [
  ["knee", "joint", "cartilage", "arthritis", "膝盖", "关节"],
  ["salt", "sodium", "blood", "pressure", "hypertension", "高血压", "盐"],
  ["sleep", "insomnia", "night", "tired", "失眠", "睡眠"],
  ["vaccine", "vaccination", "toddler", "puppy", "疫苗"],
];
const SPECIAL = ["[PAD]", "[UNK]"];
const FILLER = ["the", "a", "of", "and", "is", "how", "what", "for", "my", "after", "to", "in", "with", "less", "eat", "pain", "much", "day"];

export const TINY_MODEL_DIMENSIONS = 8;

/** Writes the model folder under `dir` and returns its path. */
export function writeTinyEmbeddingModel(dir: string): string {
  const folder = path.join(dir, "tiny-embedder");
  mkdirSync(path.join(folder, "onnx"), { recursive: true });
  const vocab = [...SPECIAL, ...TOPICS.flat(), ...FILLER];
  const d = TINY_MODEL_DIMENSIONS;
  const table = new Float32Array(vocab.length * d);
  vocab.forEach((word, i) => {
    const topic = TOPICS.findIndex((t) => t.includes(word));
    if (topic >= 0) table[i * d + topic] = 1;
    // A small word-specific component in the last dimensions, so different words differ a little.
    if (word !== "[PAD]") table[i * d + 4 + (i % 4)] = 0.2;
  });
  writeFileSync(path.join(folder, "onnx", "model.onnx"), embeddingTableModel(table, vocab.length, d));
  writeFileSync(path.join(folder, "config.json"), JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: d, vocab_size: vocab.length }));
  const added = SPECIAL.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  writeFileSync(
    path.join(folder, "tokenizer.json"),
    JSON.stringify({
      version: "1.0",
      truncation: null,
      padding: null,
      added_tokens: added,
      normalizer: { type: "Lowercase" },
      pre_tokenizer: { type: "Whitespace" },
      post_processor: null,
      decoder: null,
      model: { type: "WordLevel", vocab: Object.fromEntries(vocab.map((w, i) => [w, i])), unk_token: "[UNK]" },
    }),
  );
  writeFileSync(
    path.join(folder, "tokenizer_config.json"),
    JSON.stringify({ tokenizer_class: "PreTrainedTokenizer", pad_token: "[PAD]", unk_token: "[UNK]", model_max_length: 64 }),
  );
  return folder;
}
