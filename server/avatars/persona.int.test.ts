import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatarPhotos, avatars, avatarVersions } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { MAX_PHOTO_BYTES, sniffPhotoType } from "./avatar.schema";
import { createAvatar, getPublishedAvatarBySlug, readSnapshot } from "./avatar.service";
import { getAvatarPhotoForMember, getPublicAvatarPhoto, removeAvatarPhoto, setAvatarPhoto } from "./photo.service";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20]);

let database: Database;
let doctor: Principal<"staff">;
let otherDoctor: Principal<"staff">;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  otherDoctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
});
afterAll(async () => {
  await database?.close();
});

describe("photo type check", () => {
  it("goes by the bytes, not the name", () => {
    expect(sniffPhotoType(PNG)).toBe("image/png");
    expect(sniffPhotoType(JPEG)).toBe("image/jpeg");
    expect(sniffPhotoType(WEBP)).toBe("image/webp");
    expect(sniffPhotoType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(sniffPhotoType(new TextEncoder().encode("GIF89a"))).toBeNull();
  });
});

describe("an avatar's photo", () => {
  it("is stored with its type, shown to members, and to patients only as a published version names it", async () => {
    const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Photo"));
    const { updatedAt } = await setAvatarPhoto(database.db, doctor, avatar.id, JPEG);
    expect(await getAvatarPhotoForMember(database.db, doctor, avatar.id)).toMatchObject({ mime: "image/jpeg" });
    expect(await getPublicAvatarPhoto(database.db, avatar.slug)).toBeNull();
    const snapshot = { name: "Dr. Photo", language: "en", photoUpdatedAt: updatedAt.toISOString() } as never;
    const [version] = await database.db.insert(avatarVersions).values({ orgId: doctor.orgId, avatarId: avatar.id, number: 1, snapshot, publishedBy: doctor.userId }).returning();
    await database.db.update(avatars).set({ publishedVersionId: version!.id }).where(eq(avatars.id, avatar.id));
    const photo = await getPublicAvatarPhoto(database.db, avatar.slug);
    expect(photo?.mime).toBe("image/jpeg");
    expect([...photo!.bytes]).toEqual([...JPEG]);
    // The draft's changes reach patients only with the next published version.
    await setAvatarPhoto(database.db, doctor, avatar.id, PNG);
    expect((await getAvatarPhotoForMember(database.db, doctor, avatar.id))?.mime).toBe("image/png");
    expect((await getPublicAvatarPhoto(database.db, avatar.slug))?.mime).toBe("image/jpeg");
    await removeAvatarPhoto(database.db, doctor, avatar.id);
    expect(await getAvatarPhotoForMember(database.db, doctor, avatar.id)).toBeNull();
    expect((await getPublicAvatarPhoto(database.db, avatar.slug))?.mime).toBe("image/jpeg");
    // Only the published version's photo is kept; the draft's unused one is gone.
    expect(await database.db.select({ mime: avatarPhotos.mime }).from(avatarPhotos).where(eq(avatarPhotos.avatarId, avatar.id))).toEqual([{ mime: "image/jpeg" }]);
  });

  it("refuses what is not an image, what is too large, and another organization's avatar", async () => {
    const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Strict"));
    await expect(setAvatarPhoto(database.db, doctor, avatar.id, new TextEncoder().encode("%PDF-1.7"))).rejects.toThrow(/PNG, JPEG or WebP/);
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(PNG);
    await expect(setAvatarPhoto(database.db, doctor, avatar.id, big)).rejects.toThrow(/larger than 2 MB/);
    await expect(setAvatarPhoto(database.db, otherDoctor, avatar.id, PNG)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("published snapshots", () => {
  it("from before the persona fields still load, with the fields defaulted", async () => {
    const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Old"));
    const old = { name: "Dr. Old", title: "", specialty: "", bio: "", greeting: "Hi", language: "en", disclaimer: "", region: "US" };
    const [version] = await database.db
      .insert(avatarVersions)
      .values({ orgId: doctor.orgId, avatarId: avatar.id, number: 1, snapshot: old as never, publishedBy: doctor.userId })
      .returning();
    await database.db.update(avatars).set({ publishedVersionId: version!.id }).where(eq(avatars.id, avatar.id));
    const published = await getPublishedAvatarBySlug(database.db, avatar.slug);
    expect(published.snapshot).toMatchObject({ greeting: "Hi", answerPolicy: "materials_only", topicsOut: [], suggestedQuestions: [], languages: [], noAnswerText: "" });
    expect(readSnapshot({ name: "x", language: "zh-CN" }).photoUpdatedAt).toBeNull();
  });
});
