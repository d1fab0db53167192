import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { lyingZipBomb, zipBomb } from "./fixtures";
import { checkZip, DEFAULT_ZIP_LIMITS, unzipEntries } from "./zip";

const contract = { kind: "Word document (.docx)", required: ["word/document.xml"], notKindMessage: "not a docx" };

describe("zip reading", () => {
  it("inflates the entries asked for", () => {
    const zip = zipSync({ "word/document.xml": new TextEncoder().encode("<doc/>"), "word/media/a.png": new Uint8Array(10) });
    const files = unzipEntries(zip, { ...contract, wanted: (n) => n.endsWith(".xml") });
    expect([...files.keys()]).toEqual(["word/document.xml"]);
    expect(new TextDecoder().decode(files.get("word/document.xml"))).toBe("<doc/>");
  });

  it("refuses an archive bomb from the central directory's declared sizes, before inflating anything", () => {
    const bomb = zipBomb(16);
    const started = performance.now();
    expect(() => checkZip(bomb, contract)).toThrow(/archive bomb/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("stops inflating a bomb that lies about its size as soon as it outgrows what it declared", () => {
    expect(() => unzipEntries(lyingZipBomb(16), { ...contract, wanted: () => true })).toThrow(/archive bomb/);
  });

  it("caps the total inflated bytes", () => {
    const zip = zipSync({ "word/document.xml": new Uint8Array(300_000).fill(65), "word/styles.xml": new Uint8Array(300_000).fill(66) }, { level: 1 });
    const limits = { ...DEFAULT_ZIP_LIMITS, maxInflatedBytes: 400_000 };
    expect(() => unzipEntries(zip, { ...contract, wanted: () => true }, limits)).toThrow(/archive bomb/);
    expect(unzipEntries(zip, { ...contract, wanted: (n) => n === "word/document.xml" }, limits).get("word/document.xml")).toHaveLength(300_000);
  });

  it("refuses too many entries and damaged archives", () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`word/f${i}.xml`, new Uint8Array(1)])));
    expect(() => checkZip(many, contract, { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 })).toThrow(/archive bomb/);
    const zip = zipSync({ "word/document.xml": new TextEncoder().encode("<doc/>") });
    expect(() => checkZip(zip.slice(0, zip.length - 10), contract)).toThrow(/not a zip archive, or the archive is damaged/);
  });
});
