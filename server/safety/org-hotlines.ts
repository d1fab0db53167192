import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Hotline } from "./replies";

/** The organization's own lines (its on-call desk, its psychiatric emergency number) as hotlines for every crisis. */
export async function getOrgHotlines(db: Db, orgId: string): Promise<Hotline[]> {
  const [org] = await db.select({ extra: organizations.extraHotlines }).from(organizations).where(eq(organizations.id, orgId));
  return (org?.extra ?? []).map((h, i) => ({
    id: `org-${i}`,
    label: { en: h.label, "zh-CN": h.label },
    number: h.number,
    tel: `tel:${h.number.replace(/[^\d+]/g, "")}`,
    kind: "advice",
    categories: ["suicide", "medical", "violence"],
  }));
}
