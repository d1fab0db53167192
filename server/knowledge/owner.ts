import { eq, type SQL } from "drizzle-orm";
import { documents } from "@/db/schema";

/** Who a document belongs to: an avatar, or a shared corpus (exactly one is set). */
export interface DocumentOwner {
  avatarId: string | null;
  corpusId: string | null;
}

/** Documents of the same owner (the scope of content-hash duplicates). */
export function sameOwner(owner: DocumentOwner): SQL {
  return owner.corpusId ? eq(documents.corpusId, owner.corpusId) : eq(documents.avatarId, owner.avatarId!);
}
