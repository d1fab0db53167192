import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import type { CaseCardInput, TranscriptTurn } from "@/db/schema/case-card";
import { styleExamplesFor } from "./demonstration.service";
import { STARTER_CASES } from "./library";
import { codeOf, testCaller } from "@/server/test/trpc";

let database: Database;
let orgA: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer" | "on_call">>>;
let orgB: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
const as = (actor: Principal<"staff">) => testCaller(database.db, actor);

const cough: CaseCardInput = {
  name: "Ana Lima",
  age: 34,
  sex: "female",
  language: "en",
  specialty: "Respiratory",
  chiefComplaint: "Cough for three weeks",
  openingLine: "I can't shake this cough.",
  facts: [
    { topic: "onset", answer: "It started three weeks ago after a cold.", keywords: ["when", "start", "how long", "多久"] },
    { topic: "social_history", answer: "I smoke ten a day.", keywords: ["smoke", "cigarettes", "吸烟"] },
  ],
  results: [{ name: "Chest X-ray", result: "Clear lung fields.", keywords: ["x-ray", "胸片"] }],
  expected: { mustAsk: [{ question: "Smoking", keywords: ["smoke"] }] },
};

beforeAll(async () => {
  database = await createTestDatabase();
  orgA = await createTestOrg(database, ["admin", "doctor", "reviewer", "on_call"]);
  orgB = await createTestOrg(database, ["admin", "doctor"]);
});

afterAll(async () => {
  await database?.close();
});

describe("the case library", () => {
  it("lets doctors design, filter, edit and archive cases, and reviewers only read them", async () => {
    const doctor = as(orgA.actors.doctor);
    const created = await doctor.cases.create(cough);
    expect(created).toMatchObject({ source: "custom", archived: false, card: { name: "Ana Lima", personality: "calm" } });

    const updated = await doctor.cases.update({ caseId: created.id, card: { ...created.card, personality: "anxious" } });
    expect(updated.card.personality).toBe("anxious");

    const reviewer = as(orgA.actors.reviewer);
    expect((await reviewer.cases.get({ caseId: created.id })).card.name).toBe("Ana Lima");
    expect(await codeOf(reviewer.cases.update({ caseId: created.id, card: created.card }))).toBe("FORBIDDEN");
    expect(await codeOf(reviewer.cases.create(cough))).toBe("FORBIDDEN");
    expect(await codeOf(as(orgA.actors.on_call).cases.list())).toBe("FORBIDDEN");

    expect((await doctor.cases.list({ language: "en", archived: false })).map((c) => c.id)).toContain(created.id);
    expect((await doctor.cases.list({ language: "zh-CN", archived: false })).map((c) => c.id)).not.toContain(created.id);
    expect((await doctor.cases.list({ specialty: "respiratory", archived: false })).map((c) => c.id)).toEqual([created.id]);
    expect((await doctor.cases.list({ crisis: true, archived: false })).map((c) => c.id)).not.toContain(created.id);

    expect(await codeOf(doctor.cases.delete({ caseId: created.id }))).toBe("CONFLICT");
    await doctor.cases.archive({ caseId: created.id, archived: true });
    expect((await doctor.cases.list()).map((c) => c.id)).not.toContain(created.id);
    expect((await doctor.cases.list({ archived: true })).map((c) => c.id)).toEqual([created.id]);
    await doctor.cases.delete({ caseId: created.id });
    expect(await codeOf(doctor.cases.get({ caseId: created.id }))).toBe("NOT_FOUND");
  });

  it("rejects an invalid card with the field's path", async () => {
    const error = await as(orgA.actors.doctor)
      .cases.create({ ...cough, age: 200, facts: [{ topic: "onset", answer: "" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("keeps every organization's cases to itself", async () => {
    const mine = await as(orgA.actors.doctor).cases.create(cough);
    const other = as(orgB.actors.admin);
    expect(await codeOf(other.cases.get({ caseId: mine.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.cases.update({ caseId: mine.id, card: mine.card }))).toBe("NOT_FOUND");
    expect(await codeOf(other.cases.archive({ caseId: mine.id, archived: true }))).toBe("NOT_FOUND");
    expect(await codeOf(other.cases.export({ caseIds: [mine.id] }))).toBe("NOT_FOUND");
    expect((await other.cases.list()).map((c) => c.id)).not.toContain(mine.id);
    expect((await other.cases.export({})).cases).toEqual([]);
  });

  it("adds the starter library once, however often it is asked", async () => {
    const admin = as(orgB.actors.admin);
    expect(await admin.cases.addStarters()).toEqual({ added: STARTER_CASES.length, total: STARTER_CASES.length });
    expect(await admin.cases.addStarters()).toEqual({ added: 0, total: STARTER_CASES.length });
    const rows = await admin.cases.list();
    expect(rows.filter((r) => r.source === "starter")).toHaveLength(STARTER_CASES.length);
    expect((await admin.cases.list({ crisis: true, archived: false })).length).toBeGreaterThanOrEqual(4);
    expect(await admin.cases.specialties()).toContain("Cardiology 心内科");
  });

  it("exports cases and imports them back unchanged", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    const doctor = as(actors.doctor);
    await doctor.cases.create(cough);
    await doctor.cases.addStarters();
    const exported = await doctor.cases.export({});
    expect(exported.format).toBe("fenshen.cases");
    expect(exported.cases).toHaveLength(STARTER_CASES.length + 1);

    const { actors: fresh } = await createTestOrg(database, ["doctor"]);
    const imported = await as(fresh.doctor).cases.import({ json: JSON.stringify(exported) });
    expect(imported.every((r) => r.source === "imported")).toBe(true);
    expect((await as(fresh.doctor).cases.export({})).cases).toEqual(exported.cases);
  });

  it("imports nothing from a file with one bad case, naming the path", async () => {
    const doctor = as(orgA.actors.doctor);
    const before = (await doctor.cases.list()).length;
    const error = (await doctor.cases.import({ json: JSON.stringify([cough, { ...cough, sex: "robot" }]) }).catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("[1].sex");
    const notJson = (await doctor.cases.import({ json: "{oops" }).catch((e: unknown) => e)) as TRPCError;
    expect(notJson.message).toContain("Not valid JSON");
    expect((await doctor.cases.list()).length).toBe(before);
  });
});

describe("the doctor consults a virtual patient", () => {
  let avatarId = "";
  let caseId = "";
  let zhCaseId = "";

  beforeAll(async () => {
    const doctor = as(orgA.actors.doctor);
    avatarId = (await doctor.avatar.create(testAvatarProfile("Dr. Consult"))).id;
    caseId = (await doctor.cases.create(cough)).id;
    await doctor.cases.addStarters();
    const zh = (await doctor.cases.list({ language: "zh-CN", archived: false })).find((c) => c.starterKey === "oncology-despair-night-zh")!;
    zhCaseId = zh.id;
  });

  it("briefs the doctor without revealing the facts, and answers in character from the card", async () => {
    const doctor = as(orgA.actors.doctor);
    const brief = await doctor.cases.consultStart({ avatarId, caseId });
    expect(brief).toMatchObject({ name: "Ana Lima", openingLine: "I can't shake this cough.", results: [{ index: 0, name: "Chest X-ray" }] });
    expect(JSON.stringify(brief)).not.toContain("ten a day");

    const transcript: TranscriptTurn[] = [{ role: "patient", text: brief.openingLine }];
    const reply = await doctor.cases.consultAsk({ avatarId, caseId, transcript, question: "Do you smoke?" });
    expect(reply.text).toContain("I smoke ten a day.");
    expect(reply.revealed.length).toBeGreaterThan(0);
  });

  it("answers a Chinese question from a Chinese case", async () => {
    const reply = await as(orgA.actors.doctor).cases.consultAsk({ avatarId, caseId: zhCaseId, transcript: [], question: "您有没有想过结束自己的生命？" });
    expect(reply.text).toMatch(/走了算了|拖累/);
  });

  it("orders a result as two turns of the transcript", async () => {
    const turns = await as(orgA.actors.doctor).cases.consultOrder({ avatarId, caseId, resultIndex: 0 });
    expect(turns).toEqual([
      { role: "interviewer", text: "Order: Chest X-ray", meta: { ordered: "Chest X-ray" } },
      { role: "patient", text: "Chest X-ray: Clear lung fields.", meta: { ordered: "Chest X-ray" } },
    ]);
    expect(await codeOf(as(orgA.actors.doctor).cases.consultOrder({ avatarId, caseId, resultIndex: 5 }))).toBe("NOT_FOUND");
  });

  it("saves the consultation as a demonstration, marks it as an example and suggests a disabled protocol", async () => {
    const doctor = as(orgA.actors.doctor);
    const transcript: TranscriptTurn[] = [
      { role: "patient", text: "I can't shake this cough." },
      { role: "interviewer", text: "Okay. When did it start?" },
      { role: "patient", text: "It started three weeks ago after a cold." },
      { role: "interviewer", text: "Do you smoke?" },
      { role: "patient", text: "I smoke ten a day." },
      { role: "interviewer", text: "Order: Chest X-ray", meta: { ordered: "Chest X-ray" } },
      { role: "patient", text: "Chest X-ray: Clear lung fields.", meta: { ordered: "Chest X-ray" } },
      { role: "interviewer", text: "Stopping smoking will help the cough settle." },
    ];
    const saved = await doctor.demonstration.save({ avatarId, caseId, transcript });
    expect(saved).toMatchObject({ isExample: false, doctorId: orgA.actors.doctor.userId });

    const listed = await doctor.demonstration.list({ avatarId });
    expect(listed[0]).toMatchObject({ id: saved.id, caseName: "Ana Lima", questions: 3 });

    expect(await styleExamplesFor(database.db, avatarId)).toEqual([]);
    await doctor.demonstration.setExample({ demonstrationId: saved.id, isExample: true });
    expect(await styleExamplesFor(database.db, avatarId)).toEqual([
      { question: "I can't shake this cough.", answer: "Okay. When did it start?" },
      { question: "It started three weeks ago after a cold.", answer: "Do you smoke?" },
    ]);

    const { draft, protocolId } = await doctor.demonstration.suggestProtocol({ demonstrationId: saved.id });
    expect(draft.questions.map((q) => q.text)).toEqual(["When did it start?", "Do you smoke?"]);
    const protocol = await doctor.protocol.get({ protocolId });
    expect(protocol).toMatchObject({ enabled: false, avatarId, chiefComplaint: "Cough for three weeks" });
  });

  it("refuses an empty consultation and keeps other doctors and organizations out", async () => {
    const doctor = as(orgA.actors.doctor);
    expect(await codeOf(doctor.demonstration.save({ avatarId, caseId, transcript: [{ role: "patient", text: "Hi" }] }))).toBe("BAD_REQUEST");
    const [demo] = await doctor.demonstration.list({ avatarId });
    const other = as(orgB.actors.admin);
    expect(await codeOf(other.cases.consultAsk({ avatarId, caseId, transcript: [], question: "Do you smoke?" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.demonstration.list({ avatarId }))).toBe("NOT_FOUND");
    expect(await codeOf(other.demonstration.setExample({ demonstrationId: demo!.id, isExample: false }))).toBe("NOT_FOUND");
    expect(await codeOf(other.demonstration.suggestProtocol({ demonstrationId: demo!.id }))).toBe("NOT_FOUND");
    // A reviewer reads the demonstrations but cannot consult for the avatar.
    const reviewer = as(orgA.actors.reviewer);
    expect((await reviewer.demonstration.list({ avatarId })).length).toBeGreaterThan(0);
    expect(await codeOf(reviewer.cases.consultAsk({ avatarId, caseId, transcript: [], question: "Do you smoke?" }))).toBe("FORBIDDEN");
  });
});
