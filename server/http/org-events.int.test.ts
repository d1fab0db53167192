import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createAvatar } from "@/server/avatars/avatar.service";
import { DOCUMENT_CHANNEL, drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { orgEventStream } from "./org-events";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe("document progress as live events", () => {
  it("tells the organization's document lists while its document is processed, and no other organization's", async () => {
    const mine = await createTestOrg(database, ["doctor"]);
    const other = await createTestOrg(database, ["doctor"]);
    const avatar = await createAvatar(database.db, mine.actors.doctor, testAvatarProfile("Dr. Live"));
    await pasteDocument(database.db, mine.actors.doctor, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nLess than five grams a day." }, { maxBytes: 1 << 20 });

    const stop = new AbortController();
    const decoder = new TextDecoder();
    const streams = [mine.orgId, other.orgId].map((orgId) => orgEventStream(database, { channel: DOCUMENT_CHANNEL, event: "documents", orgId, signal: stop.signal }).getReader());
    for (const s of streams) expect(decoder.decode((await s.read()).value)).toBe("retry: 3000\n\n");

    expect(await drainIngestionQueue(database.db, createOfflineEmbedder())).toBe(1);
    // The claim, each progress step and the end each announce a change.
    expect(decoder.decode((await streams[0]!.read()).value)).toBe("event: documents\ndata: changed\n\n");
    stop.abort();
    let rest = "";
    for (let r = await streams[0]!.read(); !r.done; r = await streams[0]!.read()) rest += decoder.decode(r.value);
    expect(rest.split("event: documents").length - 1).toBeGreaterThanOrEqual(2);
    // The other organization's stream carried nothing but its opening hint.
    const theirs = await streams[1]!.read();
    expect(theirs.done).toBe(true);
  });
});
