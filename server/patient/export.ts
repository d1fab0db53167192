import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { Citation } from "@/db/schema";
import type { Locale } from "@/server/i18n/locales";
import { translate } from "@/server/i18n/messages";
import type { Transcript, TranscriptMessage } from "./history.service";

/** A CJK-capable font for PDFs (Debian's fonts-wqy-microhei); without it Chinese cannot be drawn. */
export const CJK_FONT = { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" };

const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function speaker(t: Transcript, m: TranscriptMessage, locale: Locale) {
  return m.role === "patient" ? translate(locale, "patient.export.you") : translate(locale, "patient.export.avatar", { name: t.avatar.name });
}

/** "Title › Section › Subsection — p. 4 — ESC, 2023": where a passage is, as a doctor would cite it. */
export function citationLine(c: Citation, locale: Locale): string {
  const section = c.headingPath[0] === c.documentTitle ? c.headingPath.slice(1) : c.headingPath;
  const parts = [[c.documentTitle, ...section].join(" › ")];
  if (c.page) parts.push(translate(locale, "chat.sources.page", { page: c.page }));
  const provenance = [c.source, c.year].filter(Boolean).join(", ");
  if (provenance) parts.push(provenance);
  return parts.join(" — ");
}

function credentials(t: Transcript) {
  return [t.avatar.title, t.avatar.specialty, t.avatar.hospital].filter(Boolean).join(" · ");
}

/** The conversation as Markdown: who, when, every turn with its numbered sources and their passages. */
export function transcriptToMarkdown(t: Transcript, locale: Locale, now = new Date()): string {
  const quote = (text: string) => text.split("\n").map((line) => `> ${line}`.trimEnd()).join("\n");
  const out: string[] = [
    `# ${translate(locale, "patient.export.title", { name: t.avatar.name })}`,
    "",
    credentials(t),
    "",
    `${translate(locale, "patient.export.started", { date: stamp(t.createdAt) })}  `,
    translate(locale, "patient.export.exportedAt", { date: stamp(now) }),
    "",
    quote(translate(locale, "patient.export.notice")),
  ];
  if (t.avatar.disclaimer) out.push(">", quote(t.avatar.disclaimer));
  for (const m of t.messages) {
    out.push("", "---", "", `**${speaker(t, m, locale)}** · ${stamp(m.createdAt)}`, "");
    if (m.crisis) {
      out.push(`**${translate(locale, "patient.export.crisis")}**`, "");
      for (const h of m.crisis.hotlines) out.push(`- ${h.label[locale]}: ${h.number}`);
      out.push("");
    }
    out.push(m.content);
    if (m.citations.length > 0 && m.kind !== "crisis") {
      out.push("", `**${translate(locale, "chat.sources.title")}**`, "");
      for (const c of m.citations) out.push(`${c.index}. ${citationLine(c, locale)}`, "", quote(c.excerpt).replace(/^/gm, "   "), "");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * The conversation as a PDF. Uses the CJK font when the server has it (Chinese needs it); otherwise
 * Helvetica, with a note saying Chinese characters could not be drawn.
 */
export async function transcriptToPdf(t: Transcript, locale: Locale, now = new Date(), fontPath = CJK_FONT.path): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: translate(locale, "patient.export.title", { name: t.avatar.name }) } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // A system font outside the project: the ignore comment keeps the build from tracing the whole tree.
  const hasCjk = existsSync(/*turbopackIgnore: true*/ fontPath);
  const font = () => (hasCjk ? doc.font(fontPath, CJK_FONT.family) : doc.font("Helvetica"));
  const muted = "#475569";
  const body = "#0f172a";

  font().fontSize(18).fillColor(body).text(translate(locale, "patient.export.title", { name: t.avatar.name }));
  font().fontSize(10).fillColor(muted).text(credentials(t));
  doc.text(translate(locale, "patient.export.started", { date: stamp(t.createdAt) }));
  doc.text(translate(locale, "patient.export.exportedAt", { date: stamp(now) }));
  if (!hasCjk) doc.moveDown(0.5).fillColor("#b45309").text(translate(locale, "patient.export.fontMissing"));
  doc.moveDown(0.5).fillColor(muted).text(translate(locale, "patient.export.notice"));
  if (t.avatar.disclaimer) doc.text(t.avatar.disclaimer);

  for (const m of t.messages) {
    doc.moveDown(1);
    font().fontSize(10).fillColor(muted).text(`${speaker(t, m, locale)} · ${stamp(m.createdAt)}`);
    if (m.crisis) {
      doc.fillColor("#b91c1c").fontSize(11).text(translate(locale, "patient.export.crisis"));
      for (const h of m.crisis.hotlines) doc.text(`• ${h.label[locale]}: ${h.number}`);
    }
    doc.fontSize(11).fillColor(body).text(m.content, { lineGap: 2 });
    if (m.citations.length > 0 && m.kind !== "crisis") {
      doc.moveDown(0.4).fontSize(10).fillColor(muted).text(translate(locale, "chat.sources.title"));
      for (const c of m.citations) {
        doc.fontSize(9).fillColor(body).text(`${c.index}. ${citationLine(c, locale)}`, { indent: 8 });
        doc.fillColor(muted).text(c.excerpt, { indent: 20, lineGap: 1 });
      }
    }
  }
  doc.end();
  return done;
}
