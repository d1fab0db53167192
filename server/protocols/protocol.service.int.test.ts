import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { type ProtocolInput, type TProtocolInput, ZProtocolInput } from "./protocol.schema";
import { createProtocol, deleteProtocol, getProtocolOrThrow, listProtocols, protocolsForTarget, setProtocolEnabled, updateProtocol } from "./protocol.service";

let database: Database;
let doctor: Principal<"staff">;
let reviewer: Principal<"staff">;
let stranger: Principal<"staff">;
let avatarId: string;

/** Parsed as the router parses it: the service takes it as it is. */
const protocol = (title: string, over: Partial<TProtocolInput> = {}): ProtocolInput =>
  ZProtocolInput.parse({
    title,
    chiefComplaint: title,
    triggersEn: [title.toLowerCase()],
    triggersZh: [],
    questions: [{ id: "q1", text: "How long?", kind: "text" }],
    ...over,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await createTestOrg(database, ["doctor", "reviewer"]);
  doctor = org.actors.doctor;
  reviewer = org.actors.reviewer;
  stranger = (await createTestOrg(database, ["admin"])).actors.admin;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. P"))).id;
});
afterAll(async () => {
  await database?.close();
});

describe("protocols", () => {
  it("keep the doctor's order, and only enabled ones reach the chat", async () => {
    const a = await createProtocol(database.db, doctor, avatarId, protocol("Cough"));
    const b = await createProtocol(database.db, doctor, avatarId, protocol("Fever", { triggersZh: ["发烧", " ", "发烧"] }));
    expect(b.triggersZh).toEqual(["发烧"]);
    expect((await listProtocols(database.db, reviewer, avatarId)).map((p) => p.title)).toEqual(["Cough", "Fever"]);
    await setProtocolEnabled(database.db, doctor, a.id, false);
    expect((await protocolsForTarget(database.db, { avatarId, versionId: null })).map((p) => p.title)).toEqual(["Fever"]);
    const renamed = await updateProtocol(database.db, doctor, b.id, protocol("High fever"));
    expect(renamed.title).toBe("High fever");
    await deleteProtocol(database.db, doctor, a.id);
    expect(await listProtocols(database.db, doctor, avatarId)).toHaveLength(1);
  });

  it("explain what is wrong with a bad protocol, where it is parsed", () => {
    expect(() => protocol("X", { triggersEn: [] })).toThrow(/at least one trigger phrase/);
    expect(() => protocol("X", { questions: [{ id: "q1", text: "Which side?", kind: "choice", options: [{ label: "Left", aliases: [] }] }] })).toThrow(/needs at least two options/);
    expect(() =>
      protocol("X", {
        questions: [{ id: "q1", text: "Which?", kind: "choice", options: [{ label: "A", aliases: [] }, { label: "B", aliases: [] }], redFlags: [{ match: { type: "choice", option: "C" }, action: "escalate" }] }],
      }),
    ).toThrow(/names an option the question does not have/);
    expect(() => protocol("X", { questions: [] })).toThrow(/at least one question/);
  });

  it("are not found from another organization, and read-only for a reviewer", async () => {
    const p = await createProtocol(database.db, doctor, avatarId, protocol("Rash"));
    await expect(getProtocolOrThrow(database.db, stranger, p.id, "read")).rejects.toMatchObject({ code: "not_found" });
    await expect(listProtocols(database.db, stranger, avatarId)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateProtocol(database.db, reviewer, p.id, protocol("Rash 2"))).rejects.toMatchObject({ code: "forbidden" });
  });
});
