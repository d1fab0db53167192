// POST /api/knowledge/upload — multipart upload of one or more documents to an avatar; processing runs in the background.
import { resolveActor } from "@/server/accounts/account.service";
import { auth } from "@/server/auth";
import { getDatabase } from "@/server/db";
import { kickIngestion } from "@/server/jobs/worker";
import { uploadFiles } from "@/server/knowledge/upload.service";
import { uploadLimits } from "@/server/knowledge/limits";
import { AppError, toErrorResponse } from "@/server/lib/errors";

export async function POST(request: Request) {
  try {
    const session = await auth();
    if (!session?.user?.id) throw new AppError("unauthorized", "Sign in to upload documents.");
    const { db } = await getDatabase();
    const actor = await resolveActor(db, session.user.id);
    if (!actor) throw new AppError("forbidden", "You are not a member of any organization.");
    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", "Send the files as multipart/form-data.");
    });
    const avatarId = form.get("avatarId");
    const files = form.getAll("files").filter((f): f is File => f instanceof File);
    if (typeof avatarId !== "string" || files.length === 0) throw new AppError("bad_request", "Choose an avatar and at least one file.");
    const results = await uploadFiles(db, actor, { avatarId, files }, uploadLimits());
    kickIngestion();
    return Response.json({ results });
  } catch (e) {
    return toErrorResponse(e);
  }
}
