ALTER TABLE "avatar_versions" ADD COLUMN "pins" jsonb;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD COLUMN "pins" jsonb;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD COLUMN "generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Existing entries belong to their document's live generation.
UPDATE "curated_answers" c SET "generation" = d."passage_generation" FROM "documents" d WHERE d."id" = c."document_id";
--> statement-breakpoint
-- A version's pinned passages are part of what it froze.
CREATE OR REPLACE FUNCTION avatar_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.avatar_id IS DISTINCT FROM OLD.avatar_id OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.protocols IS DISTINCT FROM OLD.protocols
     OR NEW.knowledge IS DISTINCT FROM OLD.knowledge OR NEW.restored_from IS DISTINCT FROM OLD.restored_from
     OR NEW.pins IS DISTINCT FROM OLD.pins
     OR NEW.published_by IS DISTINCT FROM OLD.published_by OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'avatar_versions % is immutable: publish a new version instead', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
