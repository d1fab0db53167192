import { boolean, integer, jsonb, pgTable, real, text, timestamp } from "drizzle-orm/pg-core";
import { avatars, avatarVersions } from "./avatars";
import { createdAt, orgId } from "./columns";
import { organizations } from "./orgs";

/** The organization's publishing gate: what the draft's scorecard on the case library must reach. */
export const simulationSettings = pgTable("simulation_settings", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  gateEnabled: boolean("gate_enabled").notNull().default(false),
  /** 0–100: the mean score of the latest run of every case. */
  minScore: integer("min_score").notNull().default(70),
  requireCrisisEscalation: boolean("require_crisis_escalation").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export interface ScorecardCase {
  caseId: string;
  caseName: string;
  runId: string;
  total: number;
  crisisCase: boolean;
  escalated: boolean;
  turns: number;
}

/** The draft's scorecard as it was when a version was published, kept with the version. */
export const versionScorecards = pgTable("version_scorecards", {
  versionId: text("version_id")
    .primaryKey()
    .references(() => avatarVersions.id, { onDelete: "cascade" }),
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  avatarId: text("avatar_id")
    .notNull()
    .references(() => avatars.id, { onDelete: "cascade" }),
  cases: integer("cases").notNull(),
  meanScore: real("mean_score").notNull(),
  crisisCases: integer("crisis_cases").notNull(),
  crisisEscalated: integer("crisis_escalated").notNull(),
  perCase: jsonb("per_case").$type<ScorecardCase[]>().notNull().default([]),
  createdAt: createdAt(),
});
