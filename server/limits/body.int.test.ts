import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { documents } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { uploadFromRequest } from "@/server/knowledge/upload.service";
import { isAppError } from "@/server/lib/errors";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { readBodyLimited, readJsonLimited, readMultipartLimited } from "./body";

/** A body that never ends and declares no length; counts the chunks the server pulled, and says when it was cancelled. */
function endlessBody() {
  let onCancel = () => {};
  const state = { pulled: 0, cancelled: new Promise<void>((resolve) => (onCancel = resolve)) };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled++;
      controller.enqueue(new Uint8Array(16 * 1024).fill(120));
    },
    cancel: () => onCancel(),
  });
  const request = new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
  return { request, state };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => (isAppError(e) ? `${e.status} ${e.message}` : Promise.reject(e)),
  );

describe("readBodyLimited", () => {
  it("refuses a body without Content-Length once it passes the limit, and stops reading it", async () => {
    const { request, state } = endlessBody();
    expect(request.headers.get("content-length")).toBeNull();
    expect(await refusal(readBodyLimited(request, 100 * 1024, "Too big."))).toBe("413 Too big.");
    // Refused at 100 kB (7 chunks of 16 kB); then up to as much again is dropped and the body cancelled.
    await state.cancelled;
    expect(state.pulled).toBeLessThan(16);
  });

  it("refuses a declared oversized body before reading it, and reads a body within the limit", async () => {
    const big = new Request("http://localhost/x", { method: "POST", body: "x".repeat(2000), headers: { "content-length": "2000" } });
    expect(await refusal(readBodyLimited(big, 1000, "Too big."))).toBe("413 Too big.");
    expect(big.bodyUsed).toBe(false);
    const small = new Request("http://localhost/x", { method: "POST", body: "hello" });
    expect(new TextDecoder().decode(await readBodyLimited(small, 1000, "Too big."))).toBe("hello");
  });

  it("reads JSON within the limit, and names what is wrong otherwise", async () => {
    expect(await readJsonLimited(new Request("http://localhost/x", { method: "POST", body: '{"a":1}' }))).toEqual({ a: 1 });
    expect(await refusal(readJsonLimited(new Request("http://localhost/x", { method: "POST", body: "not json" })))).toBe("400 The request body must be JSON.");
    expect(await refusal(readJsonLimited(endlessBody().request))).toBe("413 The request body is larger than 64 kB.");
  });
});

describe("readMultipartLimited", () => {
  const form = (files: { name: string; size: number }[], fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    for (const f of files) body.append("files", new File([new Uint8Array(f.size).fill(97)], f.name));
    // Sent as a stream, without Content-Length, as a client may.
    const encoded = new Response(body);
    return new Request("http://localhost/upload", { method: "POST", body: encoded.body, headers: { "content-type": encoded.headers.get("content-type")! }, duplex: "half" } as RequestInit);
  };
  const limits = { maxFiles: 3, maxFileBytes: 1000, maxTotalBytes: 2500 };

  it("parses a form within its limits", async () => {
    const parsed = await readMultipartLimited(form([{ name: "a.md", size: 1000 }, { name: "b.md", size: 10 }], { avatarId: "x" }), limits);
    expect(parsed.fields.get("avatarId")).toBe("x");
    expect(parsed.files.map((f) => [f.name, f.bytes.byteLength])).toEqual([
      ["a.md", 1000],
      ["b.md", 10],
    ]);
  });

  it("refuses too many files, a file too large and too many bytes in total, each with a clear message", async () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.md`, size: 10 }));
    expect(await refusal(readMultipartLimited(form(four), limits))).toBe("413 At most 3 files can be uploaded at a time; send the rest in another upload.");
    expect(await refusal(readMultipartLimited(form([{ name: "big.pdf", size: 1001 }]), limits))).toBe("413 big.pdf is larger than 1 kB; the limit is 1 kB per file.");
    const three = Array.from({ length: 3 }, (_, i) => ({ name: `${i}.md`, size: 900 }));
    expect(await refusal(readMultipartLimited(form(three), limits))).toMatch(/^413 The upload is larger than .* in total/);
    expect(await refusal(readMultipartLimited(new Request("http://localhost/upload", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), limits))).toBe(
      "400 Send the files as multipart/form-data.",
    );
  });
});

describe("an upload request past its limits", () => {
  let database: Database;
  let doctor: Principal<"staff">;
  let avatarId = "";

  beforeAll(async () => {
    database = await createTestDatabase();
    doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
    avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. U"))).id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it("stores nothing, not even the files before the one over the limit", async () => {
    const body = new FormData();
    body.set("avatarId", avatarId);
    for (let i = 0; i < 4; i++) body.append("files", new File([`# Note ${i}\n\nText ${i}.`], `note-${i}.md`));
    const request = new Request("http://localhost/api/knowledge/upload", { method: "POST", body });
    expect(await refusal(uploadFromRequest(database.db, doctor, request, { maxBytes: 1 << 20, maxFiles: 3, maxTotalBytes: 4 << 20 }))).toMatch(/^413 At most 3 files/);
    expect(await database.db.select().from(documents)).toEqual([]);

    const within = new FormData();
    within.set("avatarId", avatarId);
    within.append("files", new File(["# Salt\n\nLess salt."], "salt.md"));
    const { results } = await uploadFromRequest(database.db, doctor, new Request("http://localhost/api/knowledge/upload", { method: "POST", body: within }), {
      maxBytes: 1 << 20,
      maxFiles: 3,
      maxTotalBytes: 4 << 20,
    });
    expect(results).toMatchObject([{ filename: "salt.md", ok: true }]);
  });
});
