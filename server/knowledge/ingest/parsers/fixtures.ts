/**
 * Test fixtures built in code (no binary files): hand-written PDFs, DOCX and XLSX zipped with fflate,
 * and zip bombs. Used by the parser and ingestion tests only.
 */
import { unzipSync, zipSync } from "fflate";

const enc = new TextEncoder();

export interface PdfPageSpec {
  /** Lines of body text, set in 11 pt Helvetica. */
  lines: string[];
  /** An optional heading set in 20 pt above the body. */
  heading?: string;
}

/**
 * A minimal PDF with a real text layer: one content stream per page, a standard (unembedded) font, a
 * correct cross-reference table. `encrypt` adds an /Encrypt dictionary whose user password is not
 * empty, as a password-protected PDF has.
 */
export function buildPdf(pages: PdfPageSpec[], opts: { encrypt?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  pages.forEach((page, i) => {
    const heading = page.heading ? `/F1 20 Tf 72 740 Td (${esc(page.heading)}) Tj 0 -30 Td ` : "72 740 Td ";
    const body = page.lines.map((l) => `(${esc(l)}) Tj T*`).join(" ");
    const stream = `BT ${heading}/F1 11 Tf 14 TL ${body} ET`;
    objects[4 + 2 * i] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`;
    objects[5 + 2 * i] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let trailerExtra = "";
  if (opts.encrypt) {
    const n = objects.length;
    objects[n] = `<< /Filter /Standard /V 1 /R 2 /O <${"11".repeat(32)}> /U <${"22".repeat(32)}> /P -4 >>`;
    trailerExtra = ` /Encrypt ${n} 0 R /ID [<${"ab".repeat(16)}> <${"ab".repeat(16)}>]`;
  }
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let k = 1; k < objects.length; k += 1) {
    offsets[k] = out.length;
    out += `${k} 0 obj\n${objects[k]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let k = 1; k < objects.length; k += 1) out += `${String(offsets[k]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc.encode(out);
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A minimal Word document: paragraphs, optionally in Heading 1/2 style. */
export function buildDocx(paragraphs: { text: string; heading?: 1 | 2 }[]): Uint8Array {
  const body = paragraphs
    .map((p) => {
      const style = p.heading ? `<w:pPr><w:pStyle w:val="Heading${p.heading}"/></w:pPr>` : "";
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${xmlEscape(p.text)}</w:t></w:r></w:p>`;
    })
    .join("");
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const style = (level: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/></w:style>`;
  return zipSync({
    "[Content_Types].xml": enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    "_rels/.rels": enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    "word/styles.xml": enc.encode(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${style(1)}${style(2)}</w:styles>`),
    "word/document.xml": enc.encode(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}

/** A minimal Excel workbook: the rows go on the first sheet, text through the shared string table. */
export function buildXlsx(rows: string[][], opts: { inlineStrings?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (opts.inlineStrings) return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
          strings.push(value);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    "[Content_Types].xml": enc.encode('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "xl/workbook.xml": enc.encode(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R}><sheets><sheet name="FAQ" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/faq.xml"/></Relationships>',
    ),
    "xl/sharedStrings.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("")}</sst>`,
    ),
    "xl/worksheets/faq.xml": enc.encode(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}

/** A drug formulary's shape: many short sections, each under its own heading (20,000 are about 450 KB). */
export function formularyMarkdown(sections: number): string {
  return Array.from({ length: sections }, (_, i) => `## Drug ${i}\n${(i % 9) + 1} mg q8h\n`).join("");
}

/**
 * A crafted FAQ workbook: one shared string of `chars` characters that the answer cell of each of `rows`
 * rows points at. Tiny as a file (the repeated text compresses to almost nothing); it expands to chars × rows.
 */
export function repeatedSharedStringXlsx(chars: number, rows: number): Uint8Array {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
  const body = Array.from({ length: rows }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>2</v></c><c r="B${i + 2}" t="s"><v>3</v></c></row>`).join("");
  const base = buildXlsx([["question", "answer"]]);
  const parts = unzipSync(base);
  parts["xl/sharedStrings.xml"] = enc.encode(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS}><si><t>question</t></si><si><t>answer</t></si><si><t>Dose?</t></si><si><t>${"x".repeat(chars)}</t></si></sst>`);
  parts["xl/worksheets/faq.xml"] = enc.encode(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${header}${body}</sheetData></worksheet>`);
  return zipSync(parts, { level: 9 });
}

/** A .docx-shaped archive whose document body honestly declares that it inflates to `megabytes` of zeros. */
export function zipBomb(megabytes = 64): Uint8Array {
  return zipSync({ "[Content_Types].xml": enc.encode("<Types/>"), "word/document.xml": new Uint8Array(megabytes * 1024 * 1024) }, { level: 9 });
}

/**
 * The same bomb with its declared sizes falsified to look harmless (1 KB) in both the local header and
 * the central directory, so only a capped inflate can catch it.
 */
export function lyingZipBomb(megabytes = 64): Uint8Array {
  const zip = zipBomb(megabytes);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i += 1) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint32(i + 22, true) > 1024) view.setUint32(i + 22, 1024, true);
    if (sig === 0x02014b50 && view.getUint32(i + 24, true) > 1024) view.setUint32(i + 24, 1024, true);
  }
  return zip;
}
