import type { useTRPC } from "@/components/trpc/react";

/** Whose documents the knowledge components manage: an avatar's, or a shared corpus's (the hospital's, a department's). */
export type KnowledgeOwner = { avatarId: string } | { corpusId: string };

type Trpc = ReturnType<typeof useTRPC>;

/** The owner's document list query (polled and invalidated by every component that changes it). */
export function documentsQuery(trpc: Trpc, owner: KnowledgeOwner) {
  return "corpusId" in owner ? trpc.corpora.documents.queryOptions({ corpusId: owner.corpusId }) : trpc.knowledge.documents.queryOptions({ avatarId: owner.avatarId });
}

export function documentsKey(trpc: Trpc, owner: KnowledgeOwner) {
  return "corpusId" in owner ? trpc.corpora.documents.queryKey({ corpusId: owner.corpusId }) : trpc.knowledge.documents.queryKey({ avatarId: owner.avatarId });
}
