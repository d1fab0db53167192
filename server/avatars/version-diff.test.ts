import { describe, expect, it } from "vitest";
import type { VersionProtocol } from "@/db/schema";
import { diffVersions, type VersionContent } from "./version-diff";

const protocol = (id: string, over: Partial<VersionProtocol> = {}): VersionProtocol => ({
  id,
  title: `Protocol ${id}`,
  chiefComplaint: "headache",
  triggersEn: ["headache"],
  triggersZh: ["头痛"],
  questions: [{ id: "q1", text: "How long?", kind: "number" }],
  closingAdvice: "Rest.",
  ...over,
});

const base: VersionContent = {
  snapshot: { name: "Dr. Lin", title: "Cardiologist", greeting: "Hello", topicsOut: ["pregnancy"], answerPolicy: "materials_only" },
  protocols: [protocol("p1"), protocol("p2")],
  knowledge: [
    { id: "d1", title: "Salt", contentHash: "h1" },
    { id: "d2", title: "盐", contentHash: "h2" },
  ],
};

describe("diffVersions", () => {
  it("finds nothing between identical contents, whatever the key order", () => {
    const reordered: VersionContent = {
      snapshot: { answerPolicy: "materials_only", topicsOut: ["pregnancy"], greeting: "Hello", title: "Cardiologist", name: "Dr. Lin" },
      protocols: base.protocols!.map((p) => Object.fromEntries(Object.entries(p).reverse()) as VersionProtocol),
      knowledge: [...base.knowledge!].reverse(),
    };
    const diff = diffVersions(base, reordered);
    expect(diff.changed).toBe(false);
    expect(diff.persona).toEqual([]);
  });

  it("lists changed persona fields with their old and new values, lists included", () => {
    const diff = diffVersions(base, { ...base, snapshot: { ...base.snapshot, greeting: "你好", topicsOut: ["pregnancy", "children"] } });
    expect(diff.changed).toBe(true);
    expect(diff.persona).toEqual([
      { field: "greeting", before: "Hello", after: "你好" },
      { field: "topicsOut", before: ["pregnancy"], after: ["pregnancy", "children"] },
    ]);
  });

  it("ignores a new photo time but reports a field that appears", () => {
    const diff = diffVersions({ ...base, snapshot: { ...base.snapshot, photoUpdatedAt: "2026-01-01" } }, { ...base, snapshot: { ...base.snapshot, photoUpdatedAt: "2026-02-01", hospital: "Ruijin" } });
    expect(diff.persona).toEqual([{ field: "hospital", before: null, after: "Ruijin" }]);
  });

  it("tells added, removed and changed protocols apart, naming the changed fields", () => {
    const diff = diffVersions(base, {
      ...base,
      protocols: [protocol("p1", { closingAdvice: "Rest and drink water.", triggersZh: ["头痛", "头疼"] }), protocol("p3", { title: "胸痛" })],
    });
    expect(diff.protocols.added).toEqual([{ id: "p3", title: "胸痛", fields: [] }]);
    expect(diff.protocols.removed).toEqual([{ id: "p2", title: "Protocol p2", fields: [] }]);
    expect(diff.protocols.changed).toEqual([{ id: "p1", title: "Protocol p1", fields: ["triggersZh", "closingAdvice"] }]);
  });

  it("sees a protocol's question edited deep inside its list", () => {
    const diff = diffVersions(base, { ...base, protocols: [protocol("p1", { questions: [{ id: "q1", text: "How many days?", kind: "number" }] }), protocol("p2")] });
    expect(diff.protocols.changed.map((c) => [c.id, c.fields])).toEqual([["p1", ["questions"]]]);
  });

  it("tells added, removed and replaced documents apart by id and content hash", () => {
    const diff = diffVersions(base, {
      ...base,
      knowledge: [
        { id: "d1", title: "Salt", contentHash: "h1-new" },
        { id: "d3", title: "Exercise", contentHash: "h3" },
      ],
    });
    expect(diff.documents.added.map((d) => d.id)).toEqual(["d3"]);
    expect(diff.documents.removed.map((d) => d.id)).toEqual(["d2"]);
    expect(diff.documents.replaced).toEqual([{ before: { id: "d1", title: "Salt", contentHash: "h1" }, after: { id: "d1", title: "Salt", contentHash: "h1-new" } }]);
  });

  it("treats the first version as adding everything it holds", () => {
    const diff = diffVersions(null, base);
    expect(diff.documents.added).toHaveLength(2);
    expect(diff.protocols.added).toHaveLength(2);
    expect(diff.persona.map((c) => c.field)).toContain("name");
  });

  it("treats a version published before protocols and documents were recorded as holding none", () => {
    const diff = diffVersions({ snapshot: base.snapshot, protocols: null, knowledge: null }, base);
    expect(diff.persona).toEqual([]);
    expect(diff.documents.added).toHaveLength(2);
  });
});
