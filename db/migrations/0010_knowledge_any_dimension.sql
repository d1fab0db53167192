DROP INDEX "passages_embedding_hnsw";--> statement-breakpoint
DROP INDEX "curated_answers_keywords_gin";--> statement-breakpoint
DROP INDEX "passages_keywords_gin";--> statement-breakpoint
ALTER TABLE "curated_answers" ALTER COLUMN "embedding" SET DATA TYPE vector;--> statement-breakpoint
ALTER TABLE "passages" ALTER COLUMN "embedding" SET DATA TYPE vector;--> statement-breakpoint
CREATE INDEX "curated_answers_embedding_hnsw_384" ON "curated_answers" USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WHERE vector_dims("embedding") = 384;--> statement-breakpoint
CREATE INDEX "curated_answers_embedding_hnsw_768" ON "curated_answers" USING hnsw (("embedding"::vector(768)) vector_cosine_ops) WHERE vector_dims("embedding") = 768;--> statement-breakpoint
CREATE INDEX "curated_answers_embedding_hnsw_1024" ON "curated_answers" USING hnsw (("embedding"::vector(1024)) vector_cosine_ops) WHERE vector_dims("embedding") = 1024;--> statement-breakpoint
CREATE INDEX "curated_answers_embedding_hnsw_1536" ON "curated_answers" USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WHERE vector_dims("embedding") = 1536;--> statement-breakpoint
CREATE INDEX "curated_answers_embedding_hnsw_3072" ON "curated_answers" USING hnsw (("embedding"::halfvec(3072)) halfvec_cosine_ops) WHERE vector_dims("embedding") = 3072;--> statement-breakpoint
CREATE INDEX "passages_embedding_hnsw_384" ON "passages" USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WHERE vector_dims("embedding") = 384;--> statement-breakpoint
CREATE INDEX "passages_embedding_hnsw_768" ON "passages" USING hnsw (("embedding"::vector(768)) vector_cosine_ops) WHERE vector_dims("embedding") = 768;--> statement-breakpoint
CREATE INDEX "passages_embedding_hnsw_1024" ON "passages" USING hnsw (("embedding"::vector(1024)) vector_cosine_ops) WHERE vector_dims("embedding") = 1024;--> statement-breakpoint
CREATE INDEX "passages_embedding_hnsw_1536" ON "passages" USING hnsw (("embedding"::vector(1536)) vector_cosine_ops) WHERE vector_dims("embedding") = 1536;--> statement-breakpoint
CREATE INDEX "passages_embedding_hnsw_3072" ON "passages" USING hnsw (("embedding"::halfvec(3072)) halfvec_cosine_ops) WHERE vector_dims("embedding") = 3072;--> statement-breakpoint
CREATE INDEX "curated_answers_keywords_gin" ON "curated_answers" USING gin ("keywords") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "passages_keywords_gin" ON "passages" USING gin ("keywords") WITH (fastupdate=false);