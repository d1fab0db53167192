import "server-only";
import type { Db } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import type { Embedder } from "./embed/embedder";
import { rankCuratedAnswers } from "./retrieve/curated";
import { retrievePassages } from "./retrieve/retrieve";
import { sharedEmbedder } from "./retrieve/shared-embedding";

/** Passages a test shows: more than an answer cites, so the doctor sees what came close. */
const TEST_LIMIT = 8;

/**
 * "What would my avatar find for this question?": the closest curated answer (and whether it is close
 * enough to be given verbatim) and the passages retrieval returns, with their scores, exactly as the
 * chat engine would see them for the avatar's current materials.
 */
export async function testRetrieval(db: Db, actor: Principal<"staff">, input: { avatarId: string; query: string }, configured: Embedder) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "read");
  const embedder = sharedEmbedder(configured);
  const started = performance.now();
  const [passages, curated] = await Promise.all([
    retrievePassages(db, { avatarId: avatar.id, query: input.query, embedder, limit: TEST_LIMIT }),
    rankCuratedAnswers(db, { avatarId: avatar.id, query: input.query, embedder }),
  ]);
  return {
    curated: curated[0] ?? null,
    passages: passages.map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000, similarity: Math.round(p.similarity * 1000) / 1000 })),
    ms: Math.round(performance.now() - started),
  };
}
