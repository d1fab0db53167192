import { describe, expect, it } from "vitest";
import { exportEnvelope, parseCaseImport } from "./case-import";
import { caseCardSchema } from "@/db/schema/case-card";
import { STARTER_CASES } from "./library";

const card = STARTER_CASES[0]!.card;

describe("case import", () => {
  it("round-trips the whole library through an export file", () => {
    const cards = STARTER_CASES.map((c) => c.card);
    const result = parseCaseImport(JSON.stringify(exportEnvelope(cards)));
    expect(result).toEqual({ ok: true, cards });
  });

  it("accepts a bare card and an array of cards, filling defaults", () => {
    const minimal = { name: "Ana", age: 30, sex: "female", language: "en", chiefComplaint: "Cough", openingLine: "I keep coughing." };
    const one = parseCaseImport(JSON.stringify(minimal));
    expect(one.ok && one.cards[0]).toEqual(caseCardSchema.parse(minimal));
    const many = parseCaseImport(JSON.stringify([minimal, card]));
    expect(many.ok && many.cards.map((c) => c.name)).toEqual(["Ana", card.name]);
  });

  it("names invalid JSON", () => {
    const result = parseCaseImport('{"name": "Ana",');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatchObject({ path: "(root)", code: "invalid_json" });
  });

  it("names every bad field by its path inside the file", () => {
    const bad = { ...card, age: 300, facts: [{ ...card.facts[0], answer: "" }], expected: { ...card.expected, mustAsk: [{ question: "Pain?", keywords: [] }] } };
    const result = parseCaseImport(JSON.stringify({ format: "fenshen.cases", version: 1, cases: [card, bad] }));
    expect(result.ok).toBe(false);
    const paths = !result.ok ? result.issues.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["cases[1].age", "cases[1].facts[0].answer", "cases[1].expected.mustAsk[0].keywords"]));
    expect(paths.some((p) => p.startsWith("cases[0]"))).toBe(false);
  });

  it("paths of a bare card start at its own fields; a missing field is named", () => {
    const { name: _drop, ...noName } = card;
    const result = parseCaseImport(JSON.stringify({ ...noName, sex: "robot" }));
    expect(!result.ok && result.issues.map((i) => i.path).sort()).toEqual(["name", "sex"]);
  });

  it("refuses an empty list and a list of the wrong type", () => {
    expect(parseCaseImport("[]")).toMatchObject({ ok: false, issues: [{ code: "too_small" }] });
    expect(parseCaseImport('{"cases": "none"}')).toMatchObject({ ok: false, issues: [{ path: "cases", code: "invalid_type" }] });
  });
});
