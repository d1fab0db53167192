import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, memberships, organizations, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { hashPassword } from "@/server/accounts/password";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { addDocument } from "@/server/knowledge/document.service";
import { createProtocol } from "@/server/protocols/protocol.service";
import { ZProtocolInput } from "@/server/protocols/protocol.schema";
import { DEMO_CHEST_PAIN_PROTOCOL } from "./protocols";
import { addStarterCasesToOrg } from "@/server/simulation/case.service";
import { seedDemoHospital } from "./hospital";
import { ensureDemoOnCall } from "./on-call";
import { seedDemoSharedKnowledge } from "./shared-knowledge";

/** Demo sign-ins, printed in the README. */
export const DEMO_ACCOUNTS = {
  doctor: { email: "doctor@fenshen.demo", password: "fenshen-demo", name: "林文 Dr. Lin Wen" },
  admin: { email: "admin@fenshen.demo", password: "fenshen-demo", name: "Demo Admin" },
} as const;
export const DEMO_AVATAR_SLUG = "dr-lin-wen";
const DEMO_ORG_SLUG = "demo-hospital";

const CORPUS = [
  { file: "hypertension-en.md", title: "Living with high blood pressure" },
  { file: "hypertension-zh.md", title: "高血压的日常管理" },
  { file: "chest-pain-zh-en.md", title: "胸痛：什么时候需要急诊 / Chest pain" },
];

/** Seeds the demo hospital, its doctor and a published avatar with documents, once, into an empty database. */
export async function seedDemo(db: Db, embedder: Embedder): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS.doctor.email));
  if (existing) {
    // Databases seeded before the hospital's departments and members existed get them too.
    await seedDemoHospital(db, embedder);
    await seedDemoSharedKnowledge(db, embedder, DEMO_ORG_SLUG);
    await ensureDemoOnCall(db, DEMO_ORG_SLUG);
    return false;
  }

  const [org] = await db
    .insert(organizations)
    .values({ name: "分身示范医院 Fenshen Demo Hospital", slug: DEMO_ORG_SLUG, kind: "hospital", region: "CN" })
    .returning();
  const ids: Record<keyof typeof DEMO_ACCOUNTS, string> = { doctor: "", admin: "" };
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS) as [keyof typeof DEMO_ACCOUNTS, (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS]][]) {
    const [user] = await db
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash: await hashPassword(account.password), locale: "zh-CN" })
      .returning();
    await db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: key === "admin" ? "admin" : "doctor" });
    ids[key] = user!.id;
  }
  const doctor: Principal<"staff"> = { kind: "staff", userId: ids.doctor, orgId: org!.id, role: "doctor" };
  const [avatar] = await db
    .insert(avatars)
    .values({
      orgId: org!.id,
      ownerId: ids.doctor,
      slug: DEMO_AVATAR_SLUG,
      name: "林文医生 Dr. Lin Wen",
      title: "主任医师 · Chief Physician",
      specialty: "心血管内科 Cardiology",
      bio: "从事高血压与冠心病诊治二十年。Twenty years of caring for people with high blood pressure and heart disease.",
      greeting: "你好，我是林文医生的AI分身，可以回答关于高血压和胸痛的常见问题。Hello, I am Dr. Lin's AI avatar: ask me about blood pressure or chest pain.",
      language: "zh-CN",
      disclaimer: "AI分身的回答来自林医生的资料，不能代替面诊。 Answers come from Dr. Lin's materials and do not replace a visit.",
      region: "CN",
      languages: ["zh-CN", "en"],
      suggestedQuestions: ["How much salt should I eat per day?", "吃盐要注意什么？"],
    })
    .returning();
  const corpusDir = path.join(process.cwd(), "server", "demo", "corpus");
  for (const doc of CORPUS) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(corpusDir, doc.file)));
    await addDocument(db, doctor, { avatarId: avatar!.id, title: doc.title, filename: doc.file, format: "markdown", bytes }, { maxBytes: 1 << 20 });
  }
  await drainIngestionQueue(db, embedder);
  await createProtocol(db, doctor, avatar!.id, ZProtocolInput.parse(DEMO_CHEST_PAIN_PROTOCOL));
  await publishAvatar(db, doctor, avatar!.id);
  // The starter library of virtual patients, so the demo can consult and run cases at once.
  await addStarterCasesToOrg(db, org!.id, ids.doctor);
  await seedDemoHospital(db, embedder);
  await seedDemoSharedKnowledge(db, embedder, DEMO_ORG_SLUG);
  await ensureDemoOnCall(db, DEMO_ORG_SLUG);
  return true;
}
