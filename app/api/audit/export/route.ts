// GET /api/audit/export — the organization's audit log as CSV, with the same filters as the audit page.
import { connection } from "next/server";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { auditToCsv, listAudit } from "@/server/governance/audit";
import { ZAuditFilter } from "@/server/governance/audit.schema";
import { withRequestIds } from "@/server/http/request-id";
import { AppError, toErrorResponse } from "@/server/lib/errors";

/** Rows per export: a year of a busy hospital's changes fits; narrow the dates for more. */
const MAX_ROWS = 5000;

export const GET = withRequestIds(async (request: Request) => {
  await connection();
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("unauthorized", "Sign in to export the audit log.");
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = ZAuditFilter.safeParse({ ...params, limit: MAX_ROWS });
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" "));
    const rows = await listAudit((await getDatabase()).db, actor, parsed.data);
    const stamp = new Date().toISOString().slice(0, 10);
    // A byte-order mark so spreadsheet programs read Chinese text as UTF-8.
    return new Response(`\uFEFF${auditToCsv(rows)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="fenshen-audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return toErrorResponse(e);
  }
});
