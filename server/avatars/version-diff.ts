/**
 * "What changed since the last version": persona fields, consultation protocols and the knowledge set
 * of two versions (or of the latest version and the draft). Pure, so the rules are unit-tested.
 */
import type { AvatarSnapshot, VersionDocument, VersionProtocol } from "@/db/schema";

/** What a version holds (and what the draft would publish). */
export interface VersionContent {
  snapshot: Partial<AvatarSnapshot>;
  /** null: the version was published before protocols were versioned. */
  protocols: VersionProtocol[] | null;
  /** null: the version was published before knowledge sets were versioned. */
  knowledge: VersionDocument[] | null;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ProtocolChange {
  id: string;
  title: string;
  /** The protocol's fields that differ (title, questions, closingAdvice…). */
  fields: string[];
}

export interface VersionDiff {
  persona: FieldChange[];
  protocols: { added: ProtocolChange[]; removed: ProtocolChange[]; changed: ProtocolChange[] };
  documents: { added: VersionDocument[]; removed: VersionDocument[]; replaced: { before: VersionDocument; after: VersionDocument }[] };
  /** Whether anything at all differs. */
  changed: boolean;
}

/** Fields that say nothing about the content (the photo's time changes with every upload of the same photo). */
const IGNORED_PERSONA_FIELDS = new Set<string>(["photoUpdatedAt"]);

/** JSON with object keys sorted, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);

const titleOf = (p: VersionProtocol) => (typeof p.title === "string" && p.title ? p.title : typeof p.chiefComplaint === "string" ? p.chiefComplaint : p.id);

function diffPersona(before: Partial<AvatarSnapshot>, after: Partial<AvatarSnapshot>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !IGNORED_PERSONA_FIELDS.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = (before as Record<string, unknown>)[field];
    const a = (after as Record<string, unknown>)[field];
    if (!same(b, a)) changes.push({ field, before: b ?? null, after: a ?? null });
  }
  return changes;
}

function diffProtocols(before: VersionProtocol[], after: VersionProtocol[]): VersionDiff["protocols"] {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  const entry = (p: VersionProtocol, fields: string[] = []): ProtocolChange => ({ id: p.id, title: titleOf(p), fields });
  const changed: ProtocolChange[] = [];
  for (const p of after) {
    const o = old.get(p.id);
    if (!o) continue;
    const fields = [...new Set([...Object.keys(o), ...Object.keys(p)])].filter((f) => f !== "id" && !same(o[f], p[f]));
    if (fields.length > 0) changed.push(entry(p, fields));
  }
  return {
    added: after.filter((p) => !old.has(p.id)).map((p) => entry(p)),
    removed: before.filter((p) => !now.has(p.id)).map((p) => entry(p)),
    changed,
  };
}

function diffDocuments(before: VersionDocument[], after: VersionDocument[]): VersionDiff["documents"] {
  const old = new Map(before.map((d) => [d.id, d]));
  const now = new Map(after.map((d) => [d.id, d]));
  return {
    added: after.filter((d) => !old.has(d.id)),
    removed: before.filter((d) => !now.has(d.id)),
    // A replacement keeps the document's id and swaps its content in: the hash tells it apart.
    replaced: after.filter((d) => old.has(d.id) && old.get(d.id)!.contentHash !== d.contentHash).map((d) => ({ before: old.get(d.id)!, after: d })),
  };
}

/** The changes from `before` (the previous version; null for the first one) to `after`. */
export function diffVersions(before: VersionContent | null, after: VersionContent): VersionDiff {
  const persona = diffPersona(before?.snapshot ?? {}, after.snapshot);
  const protocols = diffProtocols(before?.protocols ?? [], after.protocols ?? []);
  const documents = diffDocuments(before?.knowledge ?? [], after.knowledge ?? []);
  const changed =
    persona.length > 0 ||
    protocols.added.length + protocols.removed.length + protocols.changed.length > 0 ||
    documents.added.length + documents.removed.length + documents.replaced.length > 0;
  return { persona, protocols, documents, changed };
}
