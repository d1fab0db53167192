import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, orgId } from "./columns";
import { organizations } from "./orgs";

/** A hospital department (cardiology, psychiatry…): groups avatars, members, shared knowledge and crisis targets. */
export const departments = pgTable(
  "departments",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_org_slug_key").on(t.orgId, t.slug), index("departments_org_idx").on(t.orgId)],
);
