DROP INDEX "passages_document_ordinal_key";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "passage_generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "passages" ADD COLUMN "generation" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "passages_document_generation_ordinal_key" ON "passages" USING btree ("document_id","generation","ordinal");