import { boolean, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp } from "drizzle-orm/pg-core";
import type { CaseCard, TranscriptTurn } from "./case-card";
import { users } from "./auth";
import { avatars, avatarVersions } from "./avatars";
import { messages } from "./chat";
import { createdAt, id, orgId } from "./columns";
import { organizations } from "./orgs";

export const virtualPatientSource = pgEnum("virtual_patient_source", ["starter", "custom", "imported"]);
export const simulationRunStatus = pgEnum("simulation_run_status", ["queued", "running", "done", "failed"]);
export const correctionAppliedAs = pgEnum("correction_applied_as", ["curated_answer", "protocol"]);

/** A case card owned by the organization; it can be consulted by the doctor and run against any of its avatars. */
export const virtualPatients = pgTable(
  "virtual_patients",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    card: jsonb("card").$type<CaseCard>().notNull(),
    source: virtualPatientSource("source").notNull().default("custom"),
    /** Starter cases carry their library key so "add starter cases" stays idempotent. */
    starterKey: text("starter_key"),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("virtual_patients_org_idx").on(t.orgId, t.archived)],
);

/** A doctor's own consultation of a virtual patient: how this doctor consults, for the avatar to learn from. */
export const demonstrations = pgTable(
  "demonstrations",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    virtualPatientId: text("virtual_patient_id")
      .notNull()
      .references(() => virtualPatients.id, { onDelete: "cascade" }),
    doctorId: text("doctor_id").references(() => users.id, { onDelete: "set null" }),
    transcript: jsonb("transcript").$type<TranscriptTurn[]>().notNull().default([]),
    isExample: boolean("is_example").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("demonstrations_org_idx").on(t.orgId), index("demonstrations_avatar_idx").on(t.avatarId, t.createdAt)],
);

/** The avatar consulting a virtual patient, as a background job; `versionId` null means the draft. */
export const simulationRuns = pgTable(
  "simulation_runs",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    virtualPatientId: text("virtual_patient_id")
      .notNull()
      .references(() => virtualPatients.id, { onDelete: "cascade" }),
    batchId: text("batch_id"),
    versionId: text("version_id").references(() => avatarVersions.id, { onDelete: "set null" }),
    status: simulationRunStatus("status").notNull().default("queued"),
    /** Turns done so far, for the progress bar. */
    progress: integer("progress").notNull().default(0),
    maxTurns: integer("max_turns").notNull().default(12),
    transcript: jsonb("transcript").$type<TranscriptTurn[]>().notNull().default([]),
    /** The rubric's scorecard; its shape belongs to the rubric (server/simulation). */
    score: jsonb("score").$type<Record<string, unknown>>(),
    totalScore: real("total_score"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("simulation_runs_org_idx").on(t.orgId),
    index("simulation_runs_avatar_idx").on(t.avatarId, t.createdAt),
    index("simulation_runs_status_idx").on(t.status, t.lockedUntil),
    index("simulation_runs_batch_idx").on(t.batchId),
  ],
);

/** What the avatar should have said or asked on one turn, of a run or of a real conversation. */
export const runCorrections = pgTable(
  "run_corrections",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    runId: text("run_id").references(() => simulationRuns.id, { onDelete: "cascade" }),
    messageId: text("message_id").references(() => messages.id, { onDelete: "set null" }),
    turnIndex: integer("turn_index").notNull().default(0),
    correction: text("correction").notNull(),
    appliedAs: correctionAppliedAs("applied_as"),
    appliedId: text("applied_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("run_corrections_org_idx").on(t.orgId), index("run_corrections_avatar_idx").on(t.avatarId, t.createdAt), index("run_corrections_run_idx").on(t.runId)],
);
