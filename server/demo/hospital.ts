import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, departments, memberships, organizations, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { hashPassword } from "@/server/accounts/password";
import type { Role } from "@/server/principal/permissions";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { addDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";

export const DEMO_HOSPITAL_SLUG = "demo-hospital";
const PASSWORD = "fenshen-demo";

/** The demo hospital's departments, members and avatars; each is added only if it is missing. */
const DEPARTMENTS = [
  { slug: "cardiology", name: "心内科 Cardiology", description: "高血压、冠心病与心力衰竭。High blood pressure, heart disease and heart failure." },
  { slug: "psychiatry", name: "心理科 Psychiatry", description: "睡眠、焦虑与情绪问题。Sleep, anxiety and mood." },
] as const;

const MEMBERS: { email: string; name: string; role: Role; department?: (typeof DEPARTMENTS)[number]["slug"] }[] = [
  { email: "dr.zhao@fenshen.demo", name: "赵明 Dr. Zhao Ming", role: "doctor", department: "cardiology" },
  { email: "dr.chen@fenshen.demo", name: "陈静 Dr. Chen Jing", role: "doctor", department: "psychiatry" },
  { email: "dr.he@fenshen.demo", name: "何苗 Dr. He Miao", role: "doctor", department: "psychiatry" },
  { email: "reviewer@fenshen.demo", name: "审核 Demo Reviewer", role: "reviewer" },
  { email: "oncall@fenshen.demo", name: "值班 Demo On-call", role: "on_call" },
];

const AVATARS = [
  {
    slug: "dr-zhao-ming",
    owner: "dr.zhao@fenshen.demo",
    department: "cardiology",
    name: "赵明医生 Dr. Zhao Ming",
    title: "副主任医师 · Associate Chief Physician",
    specialty: "心力衰竭 Heart failure",
    bio: "专注心力衰竭的长期管理。Focused on the long-term care of heart failure.",
    greeting: "你好，我是赵明医生的AI分身，可以回答心力衰竭居家管理的问题。Hello, I am Dr. Zhao's AI avatar: ask me about living with heart failure.",
    questions: ["我每天应该称体重吗？", "How much fluid may I drink?"],
    corpus: [{ file: "heart-failure-zh-en.md", title: "心力衰竭的居家管理 / Living with heart failure" }],
  },
  {
    slug: "dr-chen-jing",
    owner: "dr.chen@fenshen.demo",
    department: "psychiatry",
    name: "陈静医生 Dr. Chen Jing",
    title: "主治医师 · Attending Psychiatrist",
    specialty: "睡眠障碍 Sleep disorders",
    bio: "帮助失眠患者恢复规律睡眠。Helping people with insomnia sleep regularly again.",
    greeting: "你好，我是陈静医生的AI分身，可以聊聊睡眠问题。Hello, I am Dr. Chen's AI avatar: ask me about sleep.",
    questions: ["睡不着的时候该怎么办？", "Should I nap during the day?"],
    corpus: [{ file: "sleep-zh-en.md", title: "失眠的自我调节 / Sleeping better" }],
  },
  {
    slug: "dr-he-miao",
    owner: "dr.he@fenshen.demo",
    department: "psychiatry",
    name: "何苗医生 Dr. He Miao",
    title: "主治医师 · Attending Psychiatrist",
    specialty: "焦虑障碍 Anxiety disorders",
    bio: "焦虑与惊恐发作的认知行为治疗。Cognitive behavioural therapy for anxiety and panic.",
    greeting: "你好，我是何苗医生的AI分身，可以回答焦虑和惊恐发作的问题。Hello, I am Dr. He's AI avatar: ask me about anxiety and panic attacks.",
    questions: ["惊恐发作时怎么办？", "What does a panic attack feel like?"],
    corpus: [{ file: "anxiety-zh-en.md", title: "焦虑与惊恐发作 / Anxiety and panic attacks" }],
  },
] as const;

/**
 * Fills the demo hospital so a newcomer sees a populated console: brand, two departments, three more
 * doctors with published avatars, a reviewer and an on-call member. Idempotent: safe on every start.
 */
export async function seedDemoHospital(db: Db, embedder: Embedder): Promise<void> {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, DEMO_HOSPITAL_SLUG));
  if (!org) return;
  if (!org.description) {
    await db
      .update(organizations)
      .set({
        brandColor: "#0f5f8a",
        accentColor: "#9f1239",
        description: "分身示范医院：心内科与心理科医生的AI分身，只依据医生自己的资料回答。Our doctors' AI avatars answer from their own materials.",
      })
      .where(eq(organizations.id, org.id));
  }

  const departmentIds = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const [row] = await db
      .insert(departments)
      .values({ orgId: org.id, ...d })
      .onConflictDoNothing()
      .returning();
    const id = row?.id ?? (await db.select().from(departments).where(and(eq(departments.orgId, org.id), eq(departments.slug, d.slug))))[0]!.id;
    departmentIds.set(d.slug, id);
  }

  const userIds = new Map<string, string>();
  for (const m of MEMBERS) {
    let [user] = await db.select().from(users).where(eq(users.email, m.email));
    user ??= (await db.insert(users).values({ email: m.email, name: m.name, passwordHash: await hashPassword(PASSWORD), locale: "zh-CN" }).returning())[0]!;
    await db
      .insert(memberships)
      .values({ orgId: org.id, userId: user.id, role: m.role, departmentId: m.department ? departmentIds.get(m.department) : null })
      .onConflictDoNothing();
    userIds.set(m.email, user.id);
  }

  const corpusDir = path.join(process.cwd(), "server", "demo", "corpus");
  const toPublish: { actor: Principal<"staff">; avatarId: string }[] = [];
  for (const a of AVATARS) {
    const [existing] = await db.select({ id: avatars.id }).from(avatars).where(eq(avatars.slug, a.slug));
    if (existing) continue;
    const owner: Principal<"staff"> = { kind: "staff", userId: userIds.get(a.owner)!, orgId: org.id, role: "doctor" };
    const [avatar] = await db
      .insert(avatars)
      .values({
        orgId: org.id,
        ownerId: owner.userId,
        departmentId: departmentIds.get(a.department),
        slug: a.slug,
        name: a.name,
        title: a.title,
        specialty: a.specialty,
        bio: a.bio,
        greeting: a.greeting,
        language: "zh-CN",
        disclaimer: "AI分身的回答来自医生的资料，不能代替面诊。 Answers come from the doctor's materials and do not replace a visit.",
        region: "CN",
        languages: ["zh-CN", "en"],
        suggestedQuestions: [...a.questions],
      })
      .returning();
    for (const doc of a.corpus) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(corpusDir, doc.file)));
      await addDocument(db, owner, { avatarId: avatar!.id, title: doc.title, filename: doc.file, format: "markdown", bytes }, { maxBytes: 1 << 20 });
    }
    toPublish.push({ actor: owner, avatarId: avatar!.id });
  }
  if (toPublish.length === 0) return;
  await drainIngestionQueue(db, embedder);
  for (const { actor, avatarId } of toPublish) await publishAvatar(db, actor, avatarId);
}
