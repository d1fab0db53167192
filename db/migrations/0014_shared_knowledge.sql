CREATE TABLE "avatar_corpora" (
	"avatar_id" text NOT NULL,
	"corpus_id" text NOT NULL,
	"org_id" text NOT NULL,
	"included" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "avatar_corpora_avatar_id_corpus_id_pk" PRIMARY KEY("avatar_id","corpus_id")
);
--> statement-breakpoint
CREATE TABLE "corpora" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"org_id" text NOT NULL,
	"department_id" text,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "curated_answers" ALTER COLUMN "avatar_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "avatar_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "passages" ALTER COLUMN "avatar_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD COLUMN "corpus_id" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "corpus_id" text;--> statement-breakpoint
ALTER TABLE "passages" ADD COLUMN "corpus_id" text;--> statement-breakpoint
ALTER TABLE "avatar_corpora" ADD CONSTRAINT "avatar_corpora_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avatar_corpora" ADD CONSTRAINT "avatar_corpora_corpus_id_corpora_id_fk" FOREIGN KEY ("corpus_id") REFERENCES "public"."corpora"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avatar_corpora" ADD CONSTRAINT "avatar_corpora_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corpora" ADD CONSTRAINT "corpora_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corpora" ADD CONSTRAINT "corpora_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "avatar_corpora_corpus_idx" ON "avatar_corpora" USING btree ("corpus_id");--> statement-breakpoint
CREATE UNIQUE INDEX "corpora_org_key" ON "corpora" USING btree ("org_id") WHERE department_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "corpora_department_key" ON "corpora" USING btree ("department_id");--> statement-breakpoint
ALTER TABLE "curated_answers" ADD CONSTRAINT "curated_answers_corpus_id_corpora_id_fk" FOREIGN KEY ("corpus_id") REFERENCES "public"."corpora"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_corpus_id_corpora_id_fk" FOREIGN KEY ("corpus_id") REFERENCES "public"."corpora"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passages" ADD CONSTRAINT "passages_corpus_id_corpora_id_fk" FOREIGN KEY ("corpus_id") REFERENCES "public"."corpora"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curated_answers_corpus_idx" ON "curated_answers" USING btree ("corpus_id");--> statement-breakpoint
CREATE INDEX "documents_corpus_idx" ON "documents" USING btree ("corpus_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_corpus_hash_key" ON "documents" USING btree ("corpus_id","content_hash") WHERE replaces_document_id is null;--> statement-breakpoint
CREATE INDEX "passages_corpus_idx" ON "passages" USING btree ("corpus_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_one_owner" CHECK ((avatar_id is null) <> (corpus_id is null));