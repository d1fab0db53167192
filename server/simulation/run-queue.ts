import { and, eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { avatars, avatarVersions, simulationRuns, virtualPatients } from "@/db/schema";
import { readSnapshot, snapshotOf } from "@/server/avatars/avatar.service";
import { protocolsForTarget } from "@/server/protocols/protocol.service";
import type { ChatDeps, ChatTarget } from "@/server/chat/engine";
import { caseCardSchema } from "@/db/schema/case-card";
import { consultCase } from "./consult";
import { scoreTranscript } from "./rubric";
import { logError } from "@/server/lib/log";
import type { HeldLease, JobControl } from "@/server/jobs/leases";

/** A run is "running" under a lease its worker renews every turn; a run whose lease ran out lost its worker. */
export const RUN_LEASE_SECONDS = 120;
/** Attempts before a run that keeps failing (or keeps losing its worker) is marked failed. */
export const MAX_RUN_ATTEMPTS = 3;
/** Retry n of a failed run waits RUN_RETRY_BASE_SECONDS * 2^(n-1). */
export const RUN_RETRY_BASE_SECONDS = 15;

/**
 * Claims the next due run: a queued one (whose retry delay, kept in locked_until, has passed) or one
 * whose worker died. SKIP LOCKED lets several app servers share the queue. A claimed run starts over:
 * its earlier, unfinished conversation is abandoned.
 */
export async function claimNextRun(db: Db): Promise<string | null> {
  return (await claimRun(db))?.id ?? null;
}

/** The same claim, with the attempt it counts (the fence releaseRun checks). */
async function claimRun(db: Db): Promise<{ id: string; attempts: number } | null> {
  await db.execute(sql`
    update ${simulationRuns} set status = 'failed', finished_at = now(),
      error = ${`The run did not finish after ${MAX_RUN_ATTEMPTS} attempts.`}
    where status = 'running' and attempts >= ${MAX_RUN_ATTEMPTS} and locked_until < now()`);
  const rows = await db.execute<{ id: string }>(sql`
    update ${simulationRuns}
    set status = 'running', attempts = attempts + 1, progress = 0, transcript = '[]'::jsonb, error = null,
      started_at = now(), locked_until = now() + make_interval(secs => ${RUN_LEASE_SECONDS})
    where id = (
      select id from ${simulationRuns}
      where (status = 'queued' and (locked_until is null or locked_until <= now()))
         or (status = 'running' and locked_until < now())
      order by created_at
      for update skip locked
      limit 1
    )
    returning id, attempts`);
  return rowsOf<{ id: string; attempts: number }>(rows)[0] ?? null;
}

/** Gives a claimed run back to the queue, due at once, unless another worker has taken it up since (see releaseDocument). */
export async function releaseRun(db: Db, lease: HeldLease): Promise<boolean> {
  const rows = await db.execute<{ id: string }>(sql`
    update ${simulationRuns} set status = 'queued', attempts = attempts - 1, locked_until = null
    where id = ${lease.id} and status = 'running' and attempts = ${lease.attempts}
    returning id`);
  return rowsOf(rows).length > 0;
}

/** The avatar a run talks to: the draft (versionId null) or the published version it names, as patients get it. */
async function runTarget(db: Db, run: typeof simulationRuns.$inferSelect): Promise<ChatTarget> {
  const [avatar] = await db.select().from(avatars).where(and(eq(avatars.id, run.avatarId), eq(avatars.orgId, run.orgId)));
  if (!avatar) throw new Error("the avatar is gone");
  // Clinic-room protocols of the draft or of the version, as patients' turns get them.
  const protocols = await protocolsForTarget(db, { avatarId: avatar.id, versionId: run.versionId });
  if (!run.versionId) return { avatarId: avatar.id, orgId: avatar.orgId, versionId: null, persona: snapshotOf(avatar), protocols, simulation: true };
  const [version] = await db.select().from(avatarVersions).where(and(eq(avatarVersions.id, run.versionId), eq(avatarVersions.avatarId, avatar.id)));
  if (!version) throw new Error("the version is gone");
  return {
    avatarId: avatar.id,
    orgId: avatar.orgId,
    versionId: version.id,
    persona: readSnapshot(version.snapshot),
    knowledge: { documentIds: version.knowledge?.map((d) => d.id) ?? null, pins: version.pins, publishedAt: version.createdAt },
    protocols,
    simulation: true,
  };
}

/** Runs one claimed run to its end and scores it; a failure is retried with backoff, then recorded. */
export async function processRun(deps: ChatDeps, runId: string): Promise<void> {
  const { db } = deps;
  const [run] = await db.select().from(simulationRuns).where(eq(simulationRuns.id, runId));
  if (!run) return;
  try {
    const [vp] = await db.select({ card: virtualPatients.card }).from(virtualPatients).where(eq(virtualPatients.id, run.virtualPatientId));
    if (!vp) throw new Error("the virtual patient is gone");
    const card = caseCardSchema.parse(vp.card);
    const target = await runTarget(db, run);
    const transcript = await consultCase(deps, {
      target,
      card,
      maxTurns: run.maxTurns,
      runId: run.id,
      onTurn: async (t) => {
        await db
          .update(simulationRuns)
          .set({ transcript: t, progress: t.filter((x) => x.role === "interviewer").length, lockedUntil: sql`now() + make_interval(secs => ${RUN_LEASE_SECONDS})` })
          .where(eq(simulationRuns.id, run.id));
      },
    });
    const score = scoreTranscript(card, transcript, { maxTurns: run.maxTurns });
    await db
      .update(simulationRuns)
      .set({ status: "done", transcript, score: score as unknown as Record<string, unknown>, totalScore: score.total, finishedAt: new Date(), lockedUntil: null })
      .where(eq(simulationRuns.id, run.id));
  } catch (e) {
    logError("simulation run failed", e, { runId: run.id });
    const final = run.attempts >= MAX_RUN_ATTEMPTS;
    const reason = e instanceof Error ? e.message : "an internal error";
    await db
      .update(simulationRuns)
      .set(
        final
          ? { status: "failed", error: `The run failed after ${run.attempts} attempts: ${reason}.`, finishedAt: new Date(), lockedUntil: null }
          : {
              status: "queued",
              error: `Attempt ${run.attempts} failed (${reason}); retrying.`,
              lockedUntil: sql`now() + make_interval(secs => ${RUN_RETRY_BASE_SECONDS * 2 ** (run.attempts - 1)})`,
            },
      )
      .where(eq(simulationRuns.id, run.id));
  }
}

/** Runs due simulation runs until none is left (runs waiting for a retry stay queued) or the process is stopping. */
export async function drainSimulationRuns(deps: ChatDeps, control?: JobControl): Promise<number> {
  let processed = 0;
  const next = () => (control?.stopping() ? null : claimRun(deps.db));
  for (let claim = await next(); claim; claim = await next()) {
    const done = control?.hold({ queue: "simulation", ...claim });
    await processRun(deps, claim.id);
    done?.();
    processed++;
  }
  return processed;
}
