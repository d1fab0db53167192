import "server-only";
import { and, desc, eq, ilike, isNotNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type AvatarSnapshot, avatars, avatarVersions, organizations } from "@/db/schema";
import { LOCALES } from "@/server/i18n/locales";

export const ZDirectoryFilter = z.object({
  query: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
  language: z.enum(LOCALES).optional(),
});
export type TDirectoryFilter = z.infer<typeof ZDirectoryFilter>;

/** The languages an avatar answers in; versions published before `languages` existed have only `language`. */
export function avatarLanguagesOf(snapshot: AvatarSnapshot): AvatarSnapshot["language"][] {
  return snapshot.languages?.length ? snapshot.languages : [snapshot.language];
}

/** The hospital shown to patients: the doctor's own wording, else their organization's name. */
export function hospitalOf(snapshot: AvatarSnapshot, orgName: string): string {
  return snapshot.hospital?.trim() || orgName;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * The public directory: published avatars matching a name, specialty or hospital (the doctor's
 * wording or the organization's name), optionally only those answering in one language.
 */
export async function searchDirectory(db: Db, filter: TDirectoryFilter = {}) {
  const { query, language } = ZDirectoryFilter.parse(filter);
  const term = query ? `%${escapeLike(query)}%` : undefined;
  const snapshot = avatarVersions.snapshot;
  return db
    .select({ avatarId: avatars.id, slug: avatars.slug, snapshot, orgName: organizations.name })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .innerJoin(organizations, eq(organizations.id, avatars.orgId))
    .where(
      and(
        isNotNull(avatars.publishedVersionId),
        term
          ? or(
              ilike(sql`${snapshot}->>'name'`, term),
              ilike(sql`${snapshot}->>'title'`, term),
              ilike(sql`${snapshot}->>'specialty'`, term),
              ilike(sql`${snapshot}->>'hospital'`, term),
              ilike(organizations.name, term),
            )
          : undefined,
        // Older snapshots have no `languages` array: their one `language` stands in for it.
        language
          ? sql`coalesce(nullif(${snapshot}->'languages', '[]'::jsonb), jsonb_build_array(${snapshot}->>'language')) @> jsonb_build_array(${language}::text)`
          : undefined,
      ),
    )
    .orderBy(desc(avatarVersions.createdAt))
    .limit(100);
}

export type DirectoryEntry = Awaited<ReturnType<typeof searchDirectory>>[number];
