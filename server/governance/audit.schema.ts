import { z } from "zod";

export const ZAuditFilter = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** An action or its prefix ("avatar." matches every avatar action). */
  action: z.string().trim().max(100).optional(),
  /** Part of the actor's e-mail or label, or their user id. */
  actor: z.string().trim().max(200).optional(),
  targetId: z.string().trim().max(100).optional(),
  /** Keyset cursor: rows strictly older than this one. */
  cursor: z.object({ createdAt: z.coerce.date(), id: z.string().max(100) }).optional(),
  limit: z.number().int().min(1).max(5000).default(100),
});

export type TAuditFilter = z.infer<typeof ZAuditFilter>;
