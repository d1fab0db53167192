import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, escalations, followUpRequests, memberships, messages, simulationRuns, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { ROLES, type Role } from "@/server/principal/permissions";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { appRouter, createCaller } from "./root";
import { codeOf } from "@/server/test/trpc";

let database: Database;
let orgA: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer" | "on_call">>>;
let orgB: Awaited<ReturnType<typeof createTestOrg<Role>>>;
const ids = { corpusId: "", avatarId: "", documentId: "", escalationId: "", followUpId: "", departmentId: "", invitationId: "", memberId: "", caseId: "", demonstrationId: "", runId: "", avatarMessageId: "", requestId: "", shiftId: "", apiKeyId: "", protocolId: "" };

const callerFor = (actor: Principal<"staff"> | null) => createCaller({ db: database.db, actor, wakeWorker: () => {} });

/** Every protected procedure, called with org A's ids. */
const procedures: [string, (c: ReturnType<typeof callerFor>) => Promise<unknown>][] = [
  ["avatar.list", (c) => c.avatar.list()],
  ["avatar.get", (c) => c.avatar.get({ avatarId: ids.avatarId })],
  ["avatar.create", (c) => c.avatar.create(testAvatarProfile("New avatar"))],
  ["avatar.update", (c) => c.avatar.update({ avatarId: ids.avatarId, profile: testAvatarProfile("Renamed") })],
  ["avatar.publish", (c) => c.avatar.publish({ avatarId: ids.avatarId })],
  ["knowledge.documents", (c) => c.knowledge.documents({ avatarId: ids.avatarId })],
  ["knowledge.passages", (c) => c.knowledge.passages({ documentId: ids.documentId })],
  ["knowledge.paste", (c) => c.knowledge.paste({ avatarId: ids.avatarId, title: "T", text: "Some text." })],
  ["knowledge.setEnabled", (c) => c.knowledge.setEnabled({ documentId: ids.documentId, enabled: false })],
  ["knowledge.updateProvenance", (c) => c.knowledge.updateProvenance({ documentId: ids.documentId, provenance: { sourceKind: "guideline", sourceName: "ESC", edition: "2023", evidenceLevel: "1A", reviewBy: "2030-01-01" } })],
  ["knowledge.testRetrieval", (c) => c.knowledge.testRetrieval({ avatarId: ids.avatarId, query: "How much salt?" })],
  ["knowledge.testQuestions", (c) => c.knowledge.testQuestions({ avatarId: ids.avatarId })],
  ["knowledge.addTestQuestion", (c) => c.knowledge.addTestQuestion({ avatarId: ids.avatarId, question: `Salt ${crypto.randomUUID()}?`, expectedDocumentId: ids.documentId })],
  ["knowledge.removeTestQuestion", (c) => c.knowledge.removeTestQuestion({ avatarId: ids.avatarId, testQuestionId: crypto.randomUUID() })],
  ["knowledge.seedTestQuestions", (c) => c.knowledge.seedTestQuestions({ avatarId: ids.avatarId })],
  ["knowledge.runTestQuestions", (c) => c.knowledge.runTestQuestions({ avatarId: ids.avatarId })],
  ["knowledge.delete", (c) => c.knowledge.delete({ documentId: ids.documentId })],
  ["corpora.list", (c) => c.corpora.list()],
  ["corpora.documents", (c) => c.corpora.documents({ corpusId: ids.corpusId })],
  ["corpora.paste", (c) => c.corpora.paste({ corpusId: ids.corpusId, title: "Clinic hours", text: "Open Monday to Friday." })],
  ["corpora.forAvatar", (c) => c.corpora.forAvatar({ avatarId: ids.avatarId })],
  ["corpora.setIncluded", (c) => c.corpora.setIncluded({ avatarId: ids.avatarId, corpusId: ids.corpusId, included: false })],
  ["escalation.list", (c) => c.escalation.list()],
  ["org.updateCrisisSettings", (c) => c.org.updateCrisisSettings({ webhookUrl: "", webhookSecret: "", notifyEmail: "", responseTargetMinutes: 10, extraHotlines: [] })],
  ["org.members", (c) => c.org.members()],
  ["org.updateMember", (c) => c.org.updateMember({ userId: ids.memberId, role: "reviewer", departmentId: ids.departmentId })],
  ["org.removeMember", (c) => c.org.removeMember({ userId: ids.memberId })],
  ["org.invitations", (c) => c.org.invitations()],
  ["org.invite", (c) => c.org.invite({ email: `new-${crypto.randomUUID()}@test.local`, role: "doctor", departmentId: ids.departmentId, linkBase: "http://localhost:3000" })],
  ["org.revokeInvitation", (c) => c.org.revokeInvitation({ invitationId: ids.invitationId })],
  ["org.departments", (c) => c.org.departments()],
  ["org.createDepartment", (c) => c.org.createDepartment({ name: "Cardiology 心内科", description: "" })],
  ["org.updateDepartment", (c) => c.org.updateDepartment({ departmentId: ids.departmentId, name: "Cardiology", description: "Heart" })],
  ["org.deleteDepartment", (c) => c.org.deleteDepartment({ departmentId: ids.departmentId })],
  ["org.brand", (c) => c.org.brand()],
  ["org.updateBrand", (c) => c.org.updateBrand({ name: "Org A", description: "", brandColor: "#0f766e", accentColor: "#1e3a8a" })],
  ["org.setLogo", (c) => c.org.setLogo({ dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString("base64") })],
  ["org.removeLogo", (c) => c.org.removeLogo()],
  ["escalation.acknowledge", (c) => c.escalation.acknowledge({ escalationId: ids.escalationId })],
  ["escalation.resolve", (c) => c.escalation.resolve({ escalationId: ids.escalationId, note: "Called back." })],
  ["followUp.list", (c) => c.followUp.list()],
  ["followUp.setStatus", (c) => c.followUp.setStatus({ followUpId: ids.followUpId, status: "contacted" })],
  ["cases.list", (c) => c.cases.list()],
  ["cases.specialties", (c) => c.cases.specialties()],
  ["cases.get", (c) => c.cases.get({ caseId: ids.caseId })],
  ["cases.create", (c) => c.cases.create(ACCESS_CASE)],
  ["cases.update", (c) => c.cases.update({ caseId: ids.caseId, card: { ...ACCESS_CASE, age: 41 } })],
  ["cases.archive", (c) => c.cases.archive({ caseId: ids.caseId, archived: true })],
  ["cases.delete", (c) => c.cases.delete({ caseId: ids.caseId })],
  ["cases.import", (c) => c.cases.import({ json: JSON.stringify(ACCESS_CASE) })],
  ["cases.export", (c) => c.cases.export({ caseIds: [ids.caseId] })],
  ["cases.addStarters", (c) => c.cases.addStarters()],
  ["cases.consultStart", (c) => c.cases.consultStart({ avatarId: ids.avatarId, caseId: ids.caseId })],
  ["cases.consultAsk", (c) => c.cases.consultAsk({ avatarId: ids.avatarId, caseId: ids.caseId, transcript: [], question: "When did it start?" })],
  ["cases.consultOrder", (c) => c.cases.consultOrder({ avatarId: ids.avatarId, caseId: ids.caseId, resultIndex: 0 })],
  ["demonstration.list", (c) => c.demonstration.list({ avatarId: ids.avatarId })],
  ["demonstration.save", (c) => c.demonstration.save({ avatarId: ids.avatarId, caseId: ids.caseId, transcript: [{ role: "interviewer", text: "When did it start?" }] })],
  ["demonstration.setExample", (c) => c.demonstration.setExample({ demonstrationId: ids.demonstrationId, isExample: true })],
  ["demonstration.delete", (c) => c.demonstration.delete({ demonstrationId: ids.demonstrationId })],
  ["demonstration.suggestProtocol", (c) => c.demonstration.suggestProtocol({ demonstrationId: ids.demonstrationId })],
  ["version.list", (c) => c.version.list({ avatarId: ids.avatarId })],
  ["version.diff", (c) => c.version.diff({ avatarId: ids.avatarId })],
  ["version.rollback", (c) => c.version.rollback({ avatarId: ids.avatarId, versionId: "no-such-version" })],
  ["conversationLog.list", (c) => c.conversationLog.list({ avatarId: ids.avatarId })],
  ["conversationLog.get", async (c) => c.conversationLog.get({ conversationId: await conversationOfAvatar(ids.avatarId) })],
  ["gaps.list", (c) => c.gaps.list({ avatarId: ids.avatarId })],
  ["gaps.answer", (c) => c.gaps.answer({ avatarId: ids.avatarId, messageIds: ["no-such-message"], question: "Can I eat bread?", answer: "Yes, wholegrain bread.", apply: "live" })],
  ["gaps.dismiss", (c) => c.gaps.dismiss({ avatarId: ids.avatarId, messageIds: ["no-such-message"] })],
  ["simulationRun.start", (c) => c.simulationRun.start({ avatarId: ids.avatarId, caseIds: [ids.caseId] })],
  ["simulationRun.rerun", (c) => c.simulationRun.rerun({ runId: ids.runId })],
  ["simulationRun.list", (c) => c.simulationRun.list({ avatarId: ids.avatarId })],
  ["simulationRun.get", (c) => c.simulationRun.get({ runId: ids.runId })],
  ["simulationRun.scorecard", (c) => c.simulationRun.scorecard({ avatarId: ids.avatarId })],
  ["simulationRun.versionScorecards", (c) => c.simulationRun.versionScorecards({ avatarId: ids.avatarId })],
  ["simulationRun.corrections", (c) => c.simulationRun.corrections({ runId: ids.runId })],
  ["simulationRun.correctTurn", (c) => c.simulationRun.correctTurn({ runId: ids.runId, turnIndex: 1, correction: "Ask whether the cough brings up blood." })],
  ["simulationRun.correctMessage", (c) => c.simulationRun.correctMessage({ messageId: ids.avatarMessageId, correction: "Ask how long the cough has lasted." })],
  ["simulationRun.gate", (c) => c.simulationRun.gate()],
  ["simulationRun.updateGate", (c) => c.simulationRun.updateGate({ gateEnabled: false, minScore: 70, requireCrisisEscalation: true })],
  ["governance.settings", (c) => c.governance.settings()],
  ["governance.updateSettings", (c) => c.governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: 365 })],
  ["governance.publishRule", (c) => c.governance.publishRule()],
  ["governance.requestPublish", (c) => c.governance.requestPublish({ avatarId: ids.avatarId, note: "Please review." })],
  ["governance.publishRequests", (c) => c.governance.publishRequests({})],
  ["governance.decide", (c) => c.governance.decide({ requestId: ids.requestId, decision: "reject", comment: "Add the sources." })],
  ["governance.withdraw", (c) => c.governance.withdraw({ requestId: ids.requestId })],
  ["governance.audit", (c) => c.governance.audit({ limit: 10 })],
  ["analytics.get", (c) => c.analytics.get({ avatarId: ids.avatarId, from: new Date("2026-01-01"), to: new Date("2026-02-01") })],
  ["routing.departmentRoutes", (c) => c.routing.departmentRoutes()],
  ["org.sendTestCrisisAlert", (c) => c.org.sendTestCrisisAlert({ departmentId: ids.departmentId })],
  ["routing.updateDepartmentRoute", (c) => c.routing.updateDepartmentRoute({ departmentId: ids.departmentId, webhookUrl: "", webhookSecret: "", notifyEmail: "ward@hospital.test", responseTargetMinutes: 5 })],
  ["routing.shifts", (c) => c.routing.shifts({ from: new Date("2026-01-01"), to: new Date("2026-02-01") })],
  ["routing.onCallNow", (c) => c.routing.onCallNow()],
  ["routing.addShift", (c) => c.routing.addShift({ userId: ids.memberId, departmentId: null, startsAt: new Date("2030-01-01T08:00:00Z"), endsAt: new Date("2030-01-01T20:00:00Z") })],
  ["routing.removeShift", (c) => c.routing.removeShift({ shiftId: ids.shiftId })],
  ["widget.settings", (c) => c.widget.settings()],
  ["widget.updateSettings", (c) => c.widget.updateSettings({ allowedOrigins: ["https://www.hospital.example"], rateLimitPerMinute: 30 })],
  ["apiKeys.list", (c) => c.apiKeys.list()],
  ["apiKeys.create", (c) => c.apiKeys.create({ name: "EHR", scopes: ["avatars:read"] })],
  ["apiKeys.revoke", (c) => c.apiKeys.revoke({ keyId: ids.apiKeyId })],
  ["protocol.list", (c) => c.protocol.list({ avatarId: ids.avatarId })],
  ["protocol.get", (c) => c.protocol.get({ protocolId: ids.protocolId })],
  ["protocol.create", (c) => c.protocol.create({ avatarId: ids.avatarId, protocol: ACCESS_PROTOCOL })],
  ["protocol.update", (c) => c.protocol.update({ protocolId: ids.protocolId, protocol: { ...ACCESS_PROTOCOL, title: "Cough 2" } })],
  ["protocol.setEnabled", (c) => c.protocol.setEnabled({ protocolId: ids.protocolId, enabled: false })],
  ["protocol.delete", (c) => c.protocol.delete({ protocolId: ids.protocolId })],
];

/** The conversation freshRecords wrote for an avatar (conversationLog.get names it). */
async function conversationOfAvatar(avatarId: string): Promise<string> {
  const [conv] = await database.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.avatarId, avatarId)).limit(1);
  return conv?.id ?? "none";
}

/** A minimal virtual patient for the cases and demonstration procedures. */
const ACCESS_CASE = {
  name: "Ana",
  age: 40,
  sex: "female" as const,
  language: "en" as const,
  chiefComplaint: "Cough",
  openingLine: "I keep coughing.",
  results: [{ name: "Chest X-ray", result: "Clear." }],
};

/** A minimal consultation protocol for the protocol procedures. */
const ACCESS_PROTOCOL = { title: "Cough", chiefComplaint: "cough", triggersEn: ["cough"], triggersZh: ["咳嗽"], questions: [{ id: "q1", text: "How long?", kind: "text" as const }] };

/** Procedures that name one of org A's records by id (list procedures are scoped instead). */
const byId = new Set([
  "avatar.get",
  "avatar.update",
  "avatar.publish",
  "knowledge.documents",
  "knowledge.passages",
  "knowledge.paste",
  "knowledge.setEnabled",
  "knowledge.updateProvenance",
  "knowledge.testRetrieval",
  "knowledge.testQuestions",
  "knowledge.addTestQuestion",
  "knowledge.removeTestQuestion",
  "knowledge.seedTestQuestions",
  "knowledge.runTestQuestions",
  "knowledge.delete",
  "corpora.documents",
  "corpora.paste",
  "corpora.forAvatar",
  "corpora.setIncluded",
  "escalation.acknowledge",
  "escalation.resolve",
  "org.updateMember",
  "org.removeMember",
  "org.revokeInvitation",
  "org.updateDepartment",
  "org.deleteDepartment",
  "followUp.setStatus",
  "cases.get",
  "cases.update",
  "cases.archive",
  "cases.delete",
  "cases.export",
  "cases.consultStart",
  "cases.consultAsk",
  "cases.consultOrder",
  "demonstration.list",
  "demonstration.save",
  "demonstration.setExample",
  "demonstration.delete",
  "demonstration.suggestProtocol",
  "version.list",
  "version.diff",
  "version.rollback",
  "conversationLog.list",
  "conversationLog.get",
  "gaps.list",
  "gaps.answer",
  "gaps.dismiss",
  "simulationRun.start",
  "simulationRun.rerun",
  "simulationRun.list",
  "simulationRun.get",
  "simulationRun.scorecard",
  "simulationRun.versionScorecards",
  "simulationRun.corrections",
  "simulationRun.correctTurn",
  "simulationRun.correctMessage",
  "governance.requestPublish",
  "governance.decide",
  "governance.withdraw",
  "analytics.get",
  "routing.updateDepartmentRoute",
  "org.sendTestCrisisAlert",
  "routing.addShift",
  "routing.removeShift",
  "apiKeys.revoke",
  "protocol.list",
  "protocol.get",
  "protocol.create",
  "protocol.update",
  "protocol.setEnabled",
  "protocol.delete",
]);

/**
 * Which roles of org A each procedure lets through, written per procedure from the PERMISSIONS table
 * (for org A's records the doctor is the avatar's owner). Add one line with each new procedure; a
 * procedure without a line is expected to let every role through (so a restricted one fails loudly
 * until it gets its line). `public: true` marks a deliberate publicProcedure (anonymous allowed).
 */
interface Expectation {
  allowed: readonly Role[];
  public?: true;
}
const everyRole: Expectation = { allowed: ROLES };
const expected: Record<string, Expectation> = {
  "avatar.list": everyRole,
  "avatar.get": { allowed: ["admin", "doctor", "reviewer"] },
  "avatar.create": { allowed: ["admin", "doctor"] },
  "avatar.update": { allowed: ["admin", "doctor"] },
  "avatar.publish": { allowed: ["admin", "doctor"] },
  "knowledge.documents": { allowed: ["admin", "doctor", "reviewer"] },
  "knowledge.passages": { allowed: ["admin", "doctor", "reviewer"] },
  "knowledge.paste": { allowed: ["admin", "doctor"] },
  "knowledge.setEnabled": { allowed: ["admin", "doctor"] },
  "knowledge.updateProvenance": { allowed: ["admin", "doctor"] },
  "knowledge.testRetrieval": { allowed: ["admin", "doctor", "reviewer"] },
  "knowledge.testQuestions": { allowed: ["admin", "doctor", "reviewer"] },
  "knowledge.addTestQuestion": { allowed: ["admin", "doctor"] },
  "knowledge.removeTestQuestion": { allowed: ["admin", "doctor"] },
  "knowledge.seedTestQuestions": { allowed: ["admin", "doctor"] },
  "knowledge.runTestQuestions": { allowed: ["admin", "doctor"] },
  "knowledge.delete": { allowed: ["admin", "doctor"] },
  // corpus.read: every member reads the organization's shared knowledge.
  "corpora.list": everyRole,
  "corpora.documents": everyRole,
  "corpora.paste": { allowed: ["admin"] },
  "corpora.forAvatar": { allowed: ["admin", "doctor", "reviewer"] },
  "corpora.setIncluded": { allowed: ["admin", "doctor"] },
  "escalation.list": { allowed: ["admin", "doctor", "on_call"] },
  "escalation.acknowledge": { allowed: ["admin", "doctor", "on_call"] },
  "escalation.resolve": { allowed: ["admin", "doctor", "on_call"] },
  "followUp.list": { allowed: ["admin", "doctor", "on_call"] },
  "followUp.setStatus": { allowed: ["admin", "doctor", "on_call"] },
  "cases.list": { allowed: ["admin", "doctor", "reviewer"] },
  "cases.specialties": { allowed: ["admin", "doctor", "reviewer"] },
  "cases.get": { allowed: ["admin", "doctor", "reviewer"] },
  "cases.create": { allowed: ["admin", "doctor"] },
  "cases.update": { allowed: ["admin", "doctor"] },
  "cases.archive": { allowed: ["admin", "doctor"] },
  "cases.delete": { allowed: ["admin", "doctor"] },
  "cases.import": { allowed: ["admin", "doctor"] },
  "cases.export": { allowed: ["admin", "doctor", "reviewer"] },
  "cases.addStarters": { allowed: ["admin", "doctor"] },
  "cases.consultStart": { allowed: ["admin", "doctor"] },
  "cases.consultAsk": { allowed: ["admin", "doctor"] },
  "cases.consultOrder": { allowed: ["admin", "doctor"] },
  "demonstration.list": { allowed: ["admin", "doctor", "reviewer"] },
  "demonstration.save": { allowed: ["admin", "doctor"] },
  "demonstration.setExample": { allowed: ["admin", "doctor"] },
  "demonstration.delete": { allowed: ["admin", "doctor"] },
  "demonstration.suggestProtocol": { allowed: ["admin", "doctor"] },
  "org.updateCrisisSettings": { allowed: ["admin"] },
  "org.sendTestCrisisAlert": { allowed: ["admin"] },
  "org.members": { allowed: ["admin"] },
  "org.updateMember": { allowed: ["admin"] },
  "org.removeMember": { allowed: ["admin"] },
  "org.invitations": { allowed: ["admin"] },
  "org.invite": { allowed: ["admin"] },
  "org.revokeInvitation": { allowed: ["admin"] },
  "org.departments": everyRole,
  "org.createDepartment": { allowed: ["admin"] },
  "org.updateDepartment": { allowed: ["admin"] },
  "org.deleteDepartment": { allowed: ["admin"] },
  "org.brand": everyRole,
  "org.updateBrand": { allowed: ["admin"] },
  "org.setLogo": { allowed: ["admin"] },
  "org.removeLogo": { allowed: ["admin"] },
  "version.list": { allowed: ["admin", "doctor", "reviewer"] },
  "version.diff": { allowed: ["admin", "doctor", "reviewer"] },
  "version.rollback": { allowed: ["admin", "doctor"] },
  "conversationLog.list": { allowed: ["admin", "doctor", "reviewer"] },
  "conversationLog.get": { allowed: ["admin", "doctor", "reviewer"] },
  "gaps.list": { allowed: ["admin", "doctor", "reviewer"] },
  "gaps.answer": { allowed: ["admin", "doctor"] },
  "gaps.dismiss": { allowed: ["admin", "doctor"] },
  "simulationRun.start": { allowed: ["admin", "doctor"] },
  "simulationRun.rerun": { allowed: ["admin", "doctor"] },
  "simulationRun.list": { allowed: ["admin", "doctor", "reviewer"] },
  "simulationRun.get": { allowed: ["admin", "doctor", "reviewer"] },
  "simulationRun.scorecard": { allowed: ["admin", "doctor", "reviewer"] },
  "simulationRun.versionScorecards": { allowed: ["admin", "doctor", "reviewer"] },
  "simulationRun.corrections": { allowed: ["admin", "doctor", "reviewer"] },
  "simulationRun.correctTurn": { allowed: ["admin", "doctor"] },
  "simulationRun.correctMessage": { allowed: ["admin", "doctor"] },
  "simulationRun.gate": { allowed: ["admin", "doctor", "reviewer"] },
  "simulationRun.updateGate": { allowed: ["admin"] },
  "governance.settings": { allowed: ["admin"] },
  "governance.updateSettings": { allowed: ["admin"] },
  "governance.publishRule": everyRole,
  "governance.requestPublish": { allowed: ["admin", "doctor"] },
  "governance.publishRequests": everyRole,
  "governance.decide": { allowed: ["admin", "reviewer"] },
  "governance.withdraw": { allowed: ["admin", "doctor"] },
  "governance.audit": { allowed: ["admin"] },
  "analytics.get": { allowed: ["admin", "doctor", "reviewer"] },
  "routing.departmentRoutes": { allowed: ["admin"] },
  "routing.updateDepartmentRoute": { allowed: ["admin"] },
  "routing.shifts": everyRole,
  "routing.onCallNow": everyRole,
  "routing.addShift": { allowed: ["admin"] },
  "routing.removeShift": { allowed: ["admin"] },
  "widget.settings": { allowed: ["admin"] },
  "widget.updateSettings": { allowed: ["admin"] },
  "apiKeys.list": { allowed: ["admin"] },
  "apiKeys.create": { allowed: ["admin"] },
  "apiKeys.revoke": { allowed: ["admin"] },
  "protocol.list": { allowed: ["admin", "doctor", "reviewer"] },
  "protocol.get": { allowed: ["admin", "doctor", "reviewer"] },
  "protocol.create": { allowed: ["admin", "doctor"] },
  "protocol.update": { allowed: ["admin", "doctor"] },
  "protocol.setEnabled": { allowed: ["admin", "doctor"] },
  "protocol.delete": { allowed: ["admin", "doctor"] },
};
const expectationOf = (name: string): Expectation => expected[name] ?? everyRole;

/** Deliberately public procedures that need no entry in `procedures` (none today: sign-up is a server action). */
const publicProcedures = new Set<string>([]);

/** Fresh org A records for one call, so a destructive call (delete, resolve) never spoils the next. */
async function freshRecords() {
  const doctor = callerFor(orgA.actors.doctor);
  // Unique names: hundreds of records here would otherwise exhaust the slugs' short random suffix.
  const tag = crypto.randomUUID().slice(0, 8);
  const avatar = await doctor.avatar.create(testAvatarProfile(`Dr. A ${tag}`));
  const { document } = await doctor.knowledge.paste({ avatarId: avatar.id, title: "Notes", text: "# Salt\nEat less salt." });
  const [conv] = await database.db
    .insert(conversations)
    .values({ orgId: orgA.orgId, avatarId: avatar.id, sessionHash: "h", locale: "en" })
    .returning();
  const [msg] = await database.db
    .insert(messages)
    .values({ orgId: orgA.orgId, conversationId: conv!.id, role: "patient", kind: "question", content: "help" })
    .returning();
  const [esc] = await database.db
    .insert(escalations)
    .values({ orgId: orgA.orgId, avatarId: avatar.id, conversationId: conv!.id, messageId: msg!.id, category: "suicide", level: "imminent", evidence: [] })
    .returning();
  const [followUp] = await database.db
    .insert(followUpRequests)
    .values({ orgId: orgA.orgId, avatarId: avatar.id, conversationId: conv!.id, contactKind: "phone", contact: "+1 555 0100" })
    .returning();
  const admin = callerFor(orgA.actors.admin);
  const department = await admin.org.createDepartment({ name: `Psychiatry 心理科 ${tag}`, description: "" });
  const invitation = await admin.org.invite({ email: `inv-${crypto.randomUUID()}@test.local`, role: "doctor", departmentId: null, linkBase: "http://localhost:3000" });
  const [member] = await database.db.insert(users).values({ email: `m-${crypto.randomUUID()}@test.local`, name: "Member" }).returning();
  await database.db.insert(memberships).values({ orgId: orgA.orgId, userId: member!.id, role: "doctor" });
  const virtualPatient = await doctor.cases.create(ACCESS_CASE);
  const demonstration = await doctor.demonstration.save({ avatarId: avatar.id, caseId: virtualPatient.id, transcript: [{ role: "interviewer", text: "When did it start?" }] });
  // A finished run of the case and an avatar message, for the simulation and teaching procedures.
  const [run] = await database.db
    .insert(simulationRuns)
    .values({
      orgId: orgA.orgId,
      avatarId: avatar.id,
      virtualPatientId: virtualPatient.id,
      status: "done",
      transcript: [{ role: "patient", text: "I keep coughing." }, { role: "interviewer", text: "Coughs usually pass.", meta: { kind: "answer" } }],
    })
    .returning();
  const [avatarMessage] = await database.db
    .insert(messages)
    .values({ orgId: orgA.orgId, conversationId: conv!.id, role: "avatar", kind: "answer", content: "Eat less salt." })
    .returning();
  // A pending publish request by the avatar's doctor, and an on-call shift, for governance and routing.
  const request = await doctor.governance.requestPublish({ avatarId: avatar.id, note: "" });
  const shift = await admin.routing.addShift({ userId: member!.id, departmentId: null, startsAt: new Date("2031-01-01T08:00:00Z"), endsAt: new Date("2031-01-01T20:00:00Z") });
  const apiKey = await admin.apiKeys.create({ name: "EHR", scopes: ["avatars:read"] });
  const protocol = await doctor.protocol.create({ avatarId: avatar.id, protocol: ACCESS_PROTOCOL });
  return {
    protocolId: protocol.id,
    apiKeyId: apiKey.id,
    requestId: request.id,
    shiftId: shift.id,
    runId: run!.id,
    avatarMessageId: avatarMessage!.id,
    caseId: virtualPatient.id,
    demonstrationId: demonstration.id,
    avatarId: avatar.id,
    documentId: document.id,
    escalationId: esc!.id,
    followUpId: followUp!.id,
    departmentId: department.id,
    invitationId: invitation.id,
    memberId: member!.id,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  orgA = await createTestOrg(database, ["admin", "doctor", "reviewer", "on_call"]);
  orgB = await createTestOrg(database, [...ROLES]);
  Object.assign(ids, await freshRecords());
  ids.corpusId = (await callerFor(orgA.actors.admin).corpora.list())[0]!.id;
});

afterAll(async () => {
  await database?.close();
});

describe("the procedure list", () => {
  it("covers every procedure of appRouter", () => {
    const listed = new Set(procedures.map(([name]) => name));
    const missing = Object.keys(appRouter._def.procedures).filter((name) => !listed.has(name) && !publicProcedures.has(name));
    expect(missing).toEqual([]);
  });

  it("has an expectation for every listed procedure", () => {
    // Not a failure (others add procedures concurrently), but the default lets every role through.
    const defaulted = procedures.map(([name]) => name).filter((name) => !expected[name]);
    if (defaulted.length > 0) console.warn(`[access] no expectation, every role assumed allowed: ${defaulted.join(", ")}`);
    expect(Object.keys(expected).filter((name) => !procedures.some(([n]) => n === name))).toEqual([]);
  });
});

describe("every procedure with every role of the organization", () => {
  describe.each([...ROLES])("as %s", (role) => {
    it.each(procedures)("%s", async (name, call) => {
      Object.assign(ids, await freshRecords());
      const code = await codeOf(call(callerFor(orgA.actors[role])));
      if (expectationOf(name).allowed.includes(role)) {
        // Allowed: any outcome but a refusal (a precondition such as "nothing to publish" may still fail).
        expect(code, `${name} should let ${role} through`).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED)$/);
      } else {
        expect(code, `${name} should refuse ${role}`).toBe("FORBIDDEN");
      }
    });
  });
});

describe("every protected procedure", () => {
  it.each(procedures)("%s refuses an anonymous caller with UNAUTHORIZED", async (name, call) => {
    const code = await codeOf(call(callerFor(null)));
    if (expectationOf(name).public) expect(code).not.toBe("UNAUTHORIZED");
    else expect(code).toBe("UNAUTHORIZED");
  });

  it.each(procedures.filter(([name]) => byId.has(name)))("%s refuses every member of another organization", async (_name, call) => {
    for (const role of ROLES) {
      expect(await codeOf(call(callerFor(orgB.actors[role])))).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
    }
  });

  it.each(procedures.filter(([name]) => byId.has(name)))("%s refuses another organization's admin with NOT_FOUND", async (_name, call) => {
    expect(await codeOf(call(callerFor(orgB.actors.admin)))).toBe("NOT_FOUND");
  });
});

describe("scoped lists never show another organization's rows", () => {
  it("lists nothing of org A to org B", async () => {
    const b = callerFor(orgB.actors.admin);
    expect(await b.avatar.list()).toEqual([]);
    expect(await b.escalation.list()).toEqual([]);
  });
});

describe("roles inside one organization", () => {
  it("lets only admins change crisis routing, and never reads the webhook secret back", async () => {
    const settings = { webhookUrl: "https://hospital.example/hooks", webhookSecret: "a-long-shared-secret", notifyEmail: "", responseTargetMinutes: 10, extraHotlines: [] };
    expect(await codeOf(callerFor(orgA.actors.doctor).org.updateCrisisSettings(settings))).toBe("FORBIDDEN");
    const saved = await callerFor(orgA.actors.admin).org.updateCrisisSettings(settings);
    expect(saved).toMatchObject({ webhookUrl: "https://hospital.example/hooks", hasWebhookSecret: true });
    expect(JSON.stringify(saved)).not.toContain("a-long-shared-secret");
    expect(await codeOf(callerFor(orgA.actors.admin).org.updateCrisisSettings({ ...settings, webhookUrl: "not a url" }))).toBe("BAD_REQUEST");
  });

  it("lets a reviewer read but not edit an avatar", async () => {
    const reviewer = callerFor(orgA.actors.reviewer);
    expect((await reviewer.avatar.get({ avatarId: ids.avatarId })).id).toBe(ids.avatarId);
    expect(await codeOf(reviewer.avatar.update({ avatarId: ids.avatarId, profile: testAvatarProfile("X") }))).toBe("FORBIDDEN");
    expect(await codeOf(reviewer.escalation.list())).toBe("FORBIDDEN");
  });

  it("keeps on-call members out of avatars but lets them answer escalations", async () => {
    const onCall = callerFor(orgA.actors.on_call);
    expect(await codeOf(onCall.avatar.create(testAvatarProfile("X")))).toBe("FORBIDDEN");
    expect(await codeOf(onCall.avatar.get({ avatarId: ids.avatarId }))).toBe("FORBIDDEN");
    expect((await onCall.escalation.list()).map((e) => e.id)).toContain(ids.escalationId);
  });

  it("keeps a doctor out of another doctor's avatar", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    const colleague: Principal<"staff"> = { ...actors.doctor, orgId: orgA.orgId };
    await database.query("insert into memberships (org_id, user_id, role) values ($1, $2, 'doctor')", [orgA.orgId, colleague.userId]);
    expect(await codeOf(callerFor(colleague).avatar.get({ avatarId: ids.avatarId }))).toBe("FORBIDDEN");
    expect(await callerFor(colleague).escalation.list()).toEqual([]);
  });
});
