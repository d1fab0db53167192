import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { avatars } from "@/db/schema";
import { DEMO_AVATAR_SLUG, seedDemo } from "@/server/demo/seed";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { createTestDatabase } from "./db";

/** Seeding the demo reads and indexes its whole corpus: minutes on a loaded 2-core machine. */
export const DEMO_SEED_MS = 180_000;

/**
 * A fresh database with the demo hospital seeded, the demo doctor's avatar id, and retrieval over that
 * avatar's materials (the doctor's documents and the hospital's shared knowledge).
 */
export async function createDemoDatabase(embedder: Embedder) {
  const database: Database = await createTestDatabase();
  await seedDemo(database.db, embedder);
  const [avatar] = await database.db.select({ id: avatars.id }).from(avatars).where(eq(avatars.slug, DEMO_AVATAR_SLUG));
  const avatarId = avatar!.id;
  return { database, avatarId, retrieve: (query: string) => retrievePassages(database.db, { avatarId, query, embedder }) };
}
