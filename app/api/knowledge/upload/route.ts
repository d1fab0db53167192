// POST /api/knowledge/upload — multipart upload of one or more documents to an avatar (or one file replacing a
// document: replaceDocumentId); processing runs in the background.
import { withRequestIds } from "@/server/http/request-id";
import { auth } from "@/server/auth";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { auditMutation } from "@/server/governance/audit";
import { kickIngestion } from "@/server/worker/runner";
import { uploadFromRequest } from "@/server/knowledge/upload.service";
import { uploadLimits } from "@/server/knowledge/limits";
import { AppError, toErrorResponse } from "@/server/lib/errors";

export const POST = withRequestIds(async (request: Request) => {
  try {
    const session = await auth();
    if (!session?.user?.id) throw new AppError("unauthorized", "Sign in to upload documents.");
    const { db } = await getDatabase();
    // The same actor tRPC resolves, in the organization the member is acting in.
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("forbidden", "You are not a member of any organization.");
    const { input, results } = await uploadFromRequest(db, actor, request, uploadLimits());
    kickIngestion();
    await auditMutation(db, actor, "knowledge.upload", { avatarId: input.avatarId ?? null, corpusId: input.corpusId ?? null, replaceDocumentId: input.replaceDocumentId ?? null, results });
    return Response.json({ results });
  } catch (e) {
    return toErrorResponse(e);
  }
});
