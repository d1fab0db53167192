// GET /api/conversations/:id/export?format=md|pdf — the patient's own conversation as a download.
import { getLocale } from "@/components/i18n/server";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { transcriptToMarkdown, transcriptToPdf } from "@/server/patient/export";
import { loadTranscript } from "@/server/patient/history.service";
import { parseInput, ZExportFormat } from "@/server/patient/patient.schema";
import { requestPatient } from "@/server/patient/request-identity";

export const GET = withRequestIds(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  try {
    const format = parseInput(ZExportFormat, new URL(request.url).searchParams.get("format") ?? "md");
    const [{ id }, identity, locale, { db }] = await Promise.all([params, requestPatient(), getLocale(), getDatabase()]);
    const transcript = await loadTranscript(db, identity, id);
    const name = `fenshen-${transcript.slug}-${transcript.createdAt.toISOString().slice(0, 10)}`;
    const headers = { "cache-control": "private, no-store" };
    if (format === "pdf") {
      const pdf = await transcriptToPdf(transcript, locale);
      return new Response(new Uint8Array(pdf), {
        headers: { ...headers, "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}.pdf"` },
      });
    }
    return new Response(transcriptToMarkdown(transcript, locale), {
      headers: { ...headers, "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${name}.md"` },
    });
  } catch (e) {
    return toErrorResponse(e);
  }
});
