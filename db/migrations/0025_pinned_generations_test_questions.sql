CREATE TABLE "test_questions" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"org_id" text NOT NULL,
	"avatar_id" text NOT NULL,
	"question" text NOT NULL,
	"expected_document_id" text,
	"expected_title" text NOT NULL,
	"expected_text" text,
	"source" text NOT NULL,
	"last_passed" boolean,
	"last_rank" integer,
	"last_hits" jsonb,
	"last_run_at" timestamp with time zone,
	"previous_passed" boolean,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "avatar_versions" ADD COLUMN "pins" jsonb;--> statement-breakpoint
ALTER TABLE "governance_settings" ADD COLUMN "require_test_questions" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "publish_requests" ADD COLUMN "pins" jsonb;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD COLUMN "generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "test_questions" ADD CONSTRAINT "test_questions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_questions" ADD CONSTRAINT "test_questions_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_questions" ADD CONSTRAINT "test_questions_expected_document_id_documents_id_fk" FOREIGN KEY ("expected_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "test_questions_avatar_idx" ON "test_questions" USING btree ("avatar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "test_questions_avatar_question_key" ON "test_questions" USING btree ("avatar_id",lower("question"));
--> statement-breakpoint
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
