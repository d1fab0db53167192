/**
 * Reading the zip inside a .docx or .xlsx without trusting it. The central directory's declared sizes
 * and compression ratios are checked before anything is inflated, only the entries a parser needs are
 * inflated, and inflation (fflate, streamed in small steps) stops as soon as an entry outgrows its
 * declared size or the total outgrows the cap — so an archive bomb costs milliseconds, not memory.
 */
import { Inflate } from "fflate";
import { AppError } from "@/server/lib/errors";

export interface ZipLimits {
  /** More entries than this is not an office document. */
  maxEntries: number;
  /** Cap on the bytes inflated from the entries a parser asks for, together. */
  maxInflatedBytes: number;
  /** Cap on the declared uncompressed size of the whole archive (nothing is inflated to check it). */
  maxDeclaredBytes: number;
  /** An entry above ratioFloorBytes that claims to expand more than this many times is a bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxInflatedBytes: 128 * 1024 * 1024,
  maxDeclaredBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Uncompressed size as the central directory declares it. */
  size: number;
  localHeaderOffset: number;
}

/** One document kind's wording for errors, e.g. "Word document (.docx)". */
export type ZipKind = string;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const bomb = (kind: ZipKind) =>
  new AppError(
    "bad_request",
    `This ${kind} expands to far more data than a document holds (it looks like an archive bomb), so it was not opened. Save a fresh copy from Word or Excel and upload that.`,
  );

function notZip(kind: ZipKind): AppError {
  return new AppError("bad_request", `This is not a valid ${kind}: it is not a zip archive, or the archive is damaged. Open it in Word or Excel, save it again, and upload the new file.`);
}

/** The central directory's entries, with declared sizes checked before anything is inflated. */
export function readZipDirectory(bytes: Uint8Array, kind: ZipKind, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) throw notZip(kind);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i -= 1) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip(kind);
  const count = u16(bytes, eocd + 10);
  const directoryOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw bomb(kind); // zip64: far beyond any document we accept
  if (count > limits.maxEntries) throw bomb(kind);
  const entries: ZipEntry[] = [];
  let declared = 0;
  let o = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) throw notZip(kind);
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const compressedSize = u32(bytes, o + 20);
    const size = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const next = o + 46 + nameLength + u16(bytes, o + 30) + u16(bytes, o + 32);
    if (next > bytes.length) throw notZip(kind);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(bytes.subarray(o + 46, o + 46 + nameLength));
    if (flags & 0x1) {
      throw new AppError("bad_request", `This ${kind} is password-protected. Remove the password in Word or Excel, save it, and upload it again.`);
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw bomb(kind);
    if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(1, compressedSize)) throw bomb(kind);
    declared += size;
    if (declared > limits.maxDeclaredBytes) throw bomb(kind);
    entries.push({ name, method, compressedSize, size, localHeaderOffset: u32(bytes, o + 42) });
    o = next;
  }
  return entries;
}

/** Inflates one entry, refusing the moment it yields more than it declared or the budget allows. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, kind: ZipKind, budget: { left: number }): Uint8Array {
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw notZip(kind);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw notZip(kind);
  const data = bytes.subarray(start, end);
  if (entry.size > budget.left) throw bomb(kind);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw notZip(kind);
    budget.left -= data.length;
    return data.slice();
  }
  if (entry.method !== 8) {
    throw new AppError("bad_request", `This ${kind} uses a compression method we cannot read. Save it again from Word or Excel and upload the new file.`);
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) throw bomb(kind);
    out.set(chunk, written);
    written += chunk.length;
  });
  const STEP = 16 * 1024; // at most ~16 MB of output per step, whatever the ratio
  try {
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notZip(kind);
  }
  if (written !== entry.size) throw notZip(kind);
  budget.left -= written;
  return out;
}

export interface ZipContract {
  kind: ZipKind;
  /** Entries without which the file is not the kind it claims to be. */
  required: string[];
  notKindMessage: string;
}

/** The directory checks alone (nothing inflated): cheap enough to run while the upload request waits. */
export function checkZip(bytes: Uint8Array, contract: ZipContract, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = readZipDirectory(bytes, contract.kind, limits);
  const names = new Set(entries.map((e) => e.name));
  if (contract.required.some((name) => !names.has(name))) throw new AppError("bad_request", contract.notKindMessage);
  return entries;
}

/** A checked archive whose entries are inflated on demand, all under one budget. */
export function openZip(bytes: Uint8Array, contract: ZipContract, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
  const entries = checkZip(bytes, contract, limits);
  const byName = new Map(entries.filter((e) => !e.name.endsWith("/")).map((e) => [e.name, e]));
  const budget = { left: limits.maxInflatedBytes };
  return {
    names: [...byName.keys()],
    read(name: string): Uint8Array | null {
      const entry = byName.get(name);
      return entry ? inflateEntry(bytes, entry, contract.kind, budget) : null;
    },
  };
}

/** The entries a parser needs (`wanted` decides which are read at all), by name, inflated under the limits. */
export function unzipEntries(
  bytes: Uint8Array,
  args: ZipContract & { wanted: (name: string) => boolean },
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const zip = openZip(bytes, args, limits);
  return new Map(zip.names.filter(args.wanted).map((name) => [name, zip.read(name)!]));
}
