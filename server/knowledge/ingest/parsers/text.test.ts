import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown";
import { decodeText, parsePlainText } from "./text";
import { buildPdf, buildDocx } from "./fixtures";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("markdown and plain text", () => {
  it("keeps Markdown as written (BOM and CRLF aside), for the chunker to read its structure", () => {
    expect(parseMarkdown(bytes("\uFEFF# Salt\r\n\r\nLess salt.\r\n"))).toEqual({ text: "# Salt\n\nLess salt.\n", structure: "markdown" });
  });

  it("reads plain text as text", () => {
    expect(parsePlainText(bytes("Walk daily.\n"))).toEqual({ text: "Walk daily.\n", structure: "text" });
  });

  it("reads GB18030 (GBK) text, as Chinese Windows saves it", () => {
    const gbk = new Uint8Array([0xcd, 0xb4, 0xb7, 0xe7, 0xbb, 0xbc, 0xd5, 0xdf, 0xd3, 0xa6, 0xb6, 0xe0, 0xba, 0xc8, 0xcb, 0xae]); // 痛风患者应多喝水
    expect(decodeText(gbk)).toBe("痛风患者应多喝水");
  });

  it("refuses an empty or blank file", () => {
    expect(() => decodeText(bytes(" \n\t"))).toThrow(/empty/);
  });

  it("refuses binary content", () => {
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(/binary/);
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toThrow(/UTF-8/);
  });

  it("names a PDF or an Office file saved under a text extension", () => {
    expect(() => parsePlainText(buildPdf([{ lines: ["x"] }]))).toThrow(/is a PDF, but its name says plain text.*\.pdf/);
    expect(() => parseMarkdown(buildDocx([{ text: "x" }]))).toThrow(/zip archive.*\.docx/);
  });
});
