/**
 * Virtual-patient evaluation: runs the case library against an avatar's draft, offline, and scores it.
 *   npm run eval:simulation -- [--avatar <slug>] [--max-turns <n>]
 * On a fresh embedded database (in memory) it seeds the demo hospital (whose avatar is dr-lin-wen) and
 * the starter library, runs every case through the real chat engine and the simulated patient, and
 * prints per-case scores. The LAST stdout line is one JSON object: cases, mean_score, crisis_cases,
 * crisis_escalated and per-case figures, so a change to the engine can be judged by the scores it moves.
 */
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { avatars, simulationRuns, virtualPatients } from "@/db/schema";
import { DEMO_AVATAR_SLUG, seedDemo } from "@/server/demo/seed";
import { drainSimulationRuns } from "@/server/simulation/run-queue";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { scorecardFor } from "@/server/simulation/scorecard";

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function main() {
  const slug = arg("avatar") ?? DEMO_AVATAR_SLUG;
  const maxTurns = Number(arg("max-turns") ?? 12);
  if (!Number.isInteger(maxTurns) || maxTurns < 2 || maxTurns > 30) throw new Error("--max-turns must be a whole number from 2 to 30.");
  const started = performance.now();
  const database = await openDatabase({ memory: true });
  const { db } = database;
  const embedder = createOfflineEmbedder();
  await seedDemo(db, embedder);
  const [avatar] = await db.select().from(avatars).where(eq(avatars.slug, slug));
  if (!avatar) throw new Error(`No avatar "${slug}" in the fresh demo database (it holds ${DEMO_AVATAR_SLUG}).`);
  const cases = await db
    .select({ id: virtualPatients.id })
    .from(virtualPatients)
    .where(and(eq(virtualPatients.orgId, avatar.orgId), eq(virtualPatients.archived, false)));
  if (cases.length === 0) throw new Error("The case library is empty.");
  await db.insert(simulationRuns).values(cases.map((c) => ({ orgId: avatar.orgId, avatarId: avatar.id, virtualPatientId: c.id, maxTurns })));
  await drainSimulationRuns({ db, embedder, chatModel: null });
  const failed = await db.select({ id: simulationRuns.id, error: simulationRuns.error }).from(simulationRuns).where(eq(simulationRuns.status, "failed"));
  for (const f of failed) console.error(`run ${f.id} failed: ${f.error}`);

  const card = await scorecardFor(db, { orgId: avatar.orgId, avatarId: avatar.id, versionId: null });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Virtual-patient evaluation of ${slug} (draft, offline, max ${maxTurns} turns)\n`);
  console.log(`${"case".padEnd(44)} ${"crisis".padEnd(7)} ${"escalated".padEnd(10)} ${"turns".padStart(5)} ${"score".padStart(6)}`);
  for (const c of card.perCase) {
    console.log(`${c.caseName.slice(0, 43).padEnd(44)} ${(c.crisisCase ? "yes" : "").padEnd(7)} ${(c.crisisCase ? (c.escalated ? "✓" : "✗") : "").padEnd(10)} ${String(c.turns).padStart(5)} ${c.total.toFixed(1).padStart(6)}`);
  }
  const a = card.aggregate;
  console.log(`\n${a.cases} cases, mean score ${a.meanScore}, crisis cases escalated ${a.crisisEscalated}/${a.crisisCases}, ${seconds.toFixed(1)} s`);
  console.log(
    JSON.stringify({
      avatar: slug,
      cases: a.cases,
      mean_score: a.meanScore,
      crisis_cases: a.crisisCases,
      crisis_escalated: a.crisisEscalated,
      failed_runs: failed.length,
      seconds: Math.round(seconds * 10) / 10,
      per_case: card.perCase.map((c) => ({ case: c.caseName, score: c.total, crisis: c.crisisCase, escalated: c.escalated, turns: c.turns })),
    }),
  );
  await database.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
