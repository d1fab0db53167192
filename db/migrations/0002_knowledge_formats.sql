CREATE TYPE "public"."document_source_kind" AS ENUM('guideline', 'journal', 'textbook', 'own_article', 'other');--> statement-breakpoint
CREATE TABLE "curated_answers" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"org_id" text NOT NULL,
	"avatar_id" text NOT NULL,
	"document_id" text,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"keywords" "tsvector" NOT NULL,
	"embedding" vector(384) NOT NULL,
	"embedder" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
DROP INDEX "documents_avatar_hash_key";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_kind" "document_source_kind";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_name" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "edition" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "evidence_level" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "review_by" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "replaces_document_id" text;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD CONSTRAINT "curated_answers_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD CONSTRAINT "curated_answers_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curated_answers_avatar_idx" ON "curated_answers" USING btree ("avatar_id");--> statement-breakpoint
CREATE INDEX "curated_answers_document_idx" ON "curated_answers" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "curated_answers_keywords_gin" ON "curated_answers" USING gin ("keywords");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_replaces_document_id_documents_id_fk" FOREIGN KEY ("replaces_document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_replaces_idx" ON "documents" USING btree ("replaces_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_avatar_hash_key" ON "documents" USING btree ("avatar_id","content_hash") WHERE replaces_document_id is null;