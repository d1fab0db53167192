import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkDocx, parseDocx } from "./docx";
import { buildDocx, buildXlsx } from "./fixtures";

describe("DOCX", () => {
  it("reads paragraphs and keeps Word headings as Markdown headings", async () => {
    const docx = buildDocx([
      { text: "Gout", heading: 1 },
      { text: "Drink plenty of water." },
      { text: "饮食", heading: 2 },
      { text: "少吃动物内脏 & 海鲜。" },
    ]);
    expect(await parseDocx(docx)).toEqual({ text: "# Gout\n\nDrink plenty of water.\n\n## 饮食\n\n少吃动物内脏 & 海鲜。", structure: "markdown" });
  });

  it("refuses a .docx that is not a zip", async () => {
    await expect(parseDocx(new TextEncoder().encode("I am plain text"))).rejects.toThrow(/not a zip archive/);
  });

  it("refuses an old .doc (or an encrypted Office file) with what to do", () => {
    expect(() => checkDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toThrow(/older Word file.*\.docx/);
  });

  it("refuses a zip that is not a Word document, naming the likely mix-up", async () => {
    expect(() => checkDocx(buildXlsx([["question", "answer"]]))).toThrow(/not a Word document.*\.xlsx/);
    expect(() => checkDocx(zipSync({ "notes.txt": new TextEncoder().encode("hi") }))).toThrow(/not a Word document/);
  });

  it("refuses a damaged document body", async () => {
    const broken = zipSync({ "word/document.xml": new TextEncoder().encode("<w:document><w:body><w:p>") });
    await expect(parseDocx(broken)).rejects.toThrow(/could not be read|no text/);
  });
});
