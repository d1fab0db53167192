import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { avatars } from "./avatars";
import { messages } from "./chat";
import { createdAt, id, orgId } from "./columns";
import { curatedAnswers } from "./knowledge";
import { organizations } from "./orgs";

export const gapResolution = pgEnum("gap_resolution", ["answered", "dismissed"]);

/**
 * A knowledge gap the doctor has dealt with. Gaps themselves are derived from the conversation log
 * (answers with nothing found, low relevance or a thumbs down); this row takes one such answer out of
 * the queue, and records the curated answer that now covers it.
 */
export const gapResolutions = pgTable(
  "gap_resolutions",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    /** The avatar's answer that showed the gap. */
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    resolution: gapResolution("resolution").notNull(),
    curatedAnswerId: text("curated_answer_id").references(() => curatedAnswers.id, { onDelete: "set null" }),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("gap_resolutions_message_key").on(t.messageId), index("gap_resolutions_avatar_idx").on(t.avatarId)],
);
