import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMBEDDING_DIMENSIONS } from "./schema";
import { type Database, getMigrationState, openDatabase } from "./client";

/** The same suite runs on embedded PGlite and, when TEST_DATABASE_URL is given, on a Postgres server. */
const targets: [string, () => Promise<Database>][] = [["pglite", () => openDatabase({ memory: true })]];
if (process.env.TEST_DATABASE_URL) targets.push(["postgres", () => openDatabase({ url: process.env.TEST_DATABASE_URL! })]);

describe.each(targets)("database on %s", (_name, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("applies every migration", async () => {
    const state = await getMigrationState(database);
    expect(state.total).toBeGreaterThan(0);
    expect(state.applied).toBe(state.total);
  });

  it("ranks vectors by cosine distance through the HNSW-indexed column", async () => {
    const unit = (hot: number) => `[${Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => (i === hot ? 1 : 0)).join(",")}]`;
    const org = crypto.randomUUID();
    const rows = await database.query<{ id: string }>(
      `with o as (insert into organizations (id, name, slug) values ($1, 'T', $1) returning id),
            u as (insert into users (id, email, name) values ($1, $1 || '@t', 'T') returning id),
            a as (insert into avatars (id, org_id, owner_id, slug, name) select $1, o.id, u.id, $1, 'A' from o, u returning id, org_id),
            d as (insert into documents (id, org_id, avatar_id, title, format, content_hash, byte_size)
                  select $1, org_id, id, 'D', 'text', $1, 1 from a returning id, org_id, avatar_id)
       insert into passages (org_id, avatar_id, document_id, ordinal, heading_path, content, char_start, char_end, keywords, embedding, embedder)
       select org_id, avatar_id, id, n, '[]', 'p' || n, 0, 1, to_tsvector('simple', 'p'), v::vector, 'test'
       from d, (values (0, $2), (1, $3), (2, $4)) as t(n, v)
       returning id`,
      [org, unit(0), unit(1), unit(2)],
    );
    expect(rows).toHaveLength(3);
    const nearest = await database.query<{ content: string }>(
      `select content from passages where avatar_id = $1 order by embedding <=> $2::vector limit 2`,
      [org, unit(1)],
    );
    expect(nearest[0]?.content).toBe("p1");
  });
});
