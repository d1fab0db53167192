-- Photos are kept per upload (the published version's stays while the draft changes), named by their time.
ALTER TABLE "avatar_photos" DROP CONSTRAINT "avatar_photos_pkey";--> statement-breakpoint
ALTER TABLE "avatar_photos" ADD CONSTRAINT "avatar_photos_avatar_id_updated_at_pk" PRIMARY KEY("avatar_id","updated_at");--> statement-breakpoint
ALTER TABLE "avatar_versions" ADD COLUMN "curated_as_of" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD COLUMN "snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD COLUMN "protocols" jsonb;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD COLUMN "knowledge" jsonb;--> statement-breakpoint
-- curated_as_of is part of what a version serves, so it is as immutable as the rest.
CREATE OR REPLACE FUNCTION avatar_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.avatar_id IS DISTINCT FROM OLD.avatar_id OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.protocols IS DISTINCT FROM OLD.protocols
     OR NEW.knowledge IS DISTINCT FROM OLD.knowledge OR NEW.restored_from IS DISTINCT FROM OLD.restored_from
     OR NEW.published_by IS DISTINCT FROM OLD.published_by OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.curated_as_of IS DISTINCT FROM OLD.curated_as_of THEN
    RAISE EXCEPTION 'avatar_versions % is immutable: publish a new version instead', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
