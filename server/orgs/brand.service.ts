import "server-only";
import type { z } from "zod";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AvatarSnapshot, avatars, avatarVersions, departments, organizations } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { LOGO_MAX_BYTES, sniffLogoType } from "./brand";
import { ZBrandInput, ZLogoInput } from "./org.schema";

const brandColumns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  description: organizations.description,
  brandColor: organizations.brandColor,
  accentColor: organizations.accentColor,
  logoMimeType: organizations.logoMimeType,
  /** Changes with the logo's bytes: the logo URL carries it, so the logo can be cached for good. */
  logoVersion: sql<string | null>`substr(md5(${organizations.logo}), 1, 12)`,
};

export type OrgBrand = {
  id: string;
  name: string;
  slug: string;
  description: string;
  brandColor: string;
  accentColor: string;
  hasLogo: boolean;
  logoVersion: string | null;
};

const toBrand = ({ logoMimeType, ...row }: { logoMimeType: string | null } & Omit<OrgBrand, "hasLogo">): OrgBrand => ({ ...row, hasLogo: logoMimeType !== null });

export async function getBrand(db: Db, actor: Principal<"staff">): Promise<OrgBrand> {
  assertCan(actor, "org.read");
  const [row] = await db.select(brandColumns).from(organizations).where(eq(organizations.id, actor.orgId));
  if (!row) throw new AppError("not_found", "Your organization no longer exists.");
  return toBrand(row);
}

export async function updateBrand(db: Db, actor: Principal<"staff">, input: z.output<typeof ZBrandInput>): Promise<OrgBrand> {
  assertCan(actor, "org.members.manage");
  const values = input;
  const [row] = await db.update(organizations).set(values).where(eq(organizations.id, actor.orgId)).returning(brandColumns);
  return toBrand(row!);
}

/** Stores a PNG, JPEG or WebP logo, typed by its bytes; SVG and anything else is refused. */
export async function setLogo(db: Db, actor: Principal<"staff">, input: z.output<typeof ZLogoInput>): Promise<OrgBrand> {
  assertCan(actor, "org.members.manage");
  const { dataBase64 } = input;
  const bytes = new Uint8Array(Buffer.from(dataBase64, "base64"));
  if (bytes.byteLength > LOGO_MAX_BYTES) throw new AppError("payload_too_large", `The logo is too large (${Math.ceil(bytes.byteLength / 1024)} KB; at most ${LOGO_MAX_BYTES / 1024} KB).`);
  const type = sniffLogoType(bytes);
  if (!type) throw new AppError("bad_request", "Use a PNG, JPEG or WebP image for the logo (SVG is not accepted: it can carry scripts).");
  const [row] = await db.update(organizations).set({ logo: bytes, logoMimeType: type }).where(eq(organizations.id, actor.orgId)).returning(brandColumns);
  return toBrand(row!);
}

export async function removeLogo(db: Db, actor: Principal<"staff">): Promise<OrgBrand> {
  assertCan(actor, "org.members.manage");
  const [row] = await db.update(organizations).set({ logo: null, logoMimeType: null }).where(eq(organizations.id, actor.orgId)).returning(brandColumns);
  return toBrand(row!);
}

/** The public brand of an organization by slug, or null. */
export async function getPublicBrand(db: Db, slug: string): Promise<OrgBrand | null> {
  const [row] = await db.select(brandColumns).from(organizations).where(eq(organizations.slug, slug));
  return row ? toBrand(row) : null;
}

/** A hospital's public brand by id (for its avatars' pages); personal organizations have none to show. */
export async function getHospitalBrandById(db: Db, orgId: string): Promise<OrgBrand | null> {
  const [row] = await db
    .select(brandColumns)
    .from(organizations)
    .where(and(eq(organizations.id, orgId), eq(organizations.kind, "hospital")));
  return row ? toBrand(row) : null;
}

/** The logo bytes for the logo route. */
export async function getLogo(db: Db, slug: string) {
  const [row] = await db
    .select({ logo: organizations.logo, type: organizations.logoMimeType, version: brandColumns.logoVersion })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  return row?.logo && row.type ? { bytes: row.logo, type: row.type, version: row.version ?? "" } : null;
}

/** The organization's public page: its published avatars (their frozen personas), grouped by department. */
export async function getPublicOrgPage(db: Db, slug: string) {
  const brand = await getPublicBrand(db, slug);
  if (!brand) return null;
  const rows = await db
    .select({
      slug: avatars.slug,
      snapshot: avatarVersions.snapshot,
      departmentId: departments.id,
      departmentName: departments.name,
      departmentDescription: departments.description,
    })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .leftJoin(departments, and(eq(departments.id, avatars.departmentId), eq(departments.orgId, avatars.orgId)))
    .where(and(eq(avatars.orgId, brand.id), isNotNull(avatars.publishedVersionId)))
    .orderBy(asc(departments.name), asc(avatars.name));
  const groups = new Map<string, { id: string | null; name: string | null; description: string; avatars: { slug: string; snapshot: AvatarSnapshot }[] }>();
  for (const r of rows) {
    const key = r.departmentId ?? "";
    const group = groups.get(key) ?? { id: r.departmentId, name: r.departmentName, description: r.departmentDescription ?? "", avatars: [] };
    group.avatars.push({ slug: r.slug, snapshot: r.snapshot });
    groups.set(key, group);
  }
  // Organization-wide avatars (no department) come last.
  const departmentsList = [...groups.values()].sort((a, b) => Number(a.id === null) - Number(b.id === null));
  return { brand, departments: departmentsList };
}
