CREATE TABLE "term_associations" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"org_id" text NOT NULL,
	"avatar_id" text,
	"corpus_id" text,
	"document_id" text NOT NULL,
	"term" text NOT NULL,
	"alias" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "curated_answers" ADD COLUMN "tokenizer_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "tokenizer_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "term_associations" ADD CONSTRAINT "term_associations_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_associations" ADD CONSTRAINT "term_associations_corpus_id_corpora_id_fk" FOREIGN KEY ("corpus_id") REFERENCES "public"."corpora"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_associations" ADD CONSTRAINT "term_associations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "term_associations_document_idx" ON "term_associations" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "term_associations_document_pair_key" ON "term_associations" USING btree ("document_id","term","alias");