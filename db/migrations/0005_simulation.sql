CREATE TABLE "avatar_photos" (
	"avatar_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "hospital" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "languages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "tone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "topics_in" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "topics_out" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "out_of_scope_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "suggested_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "answer_policy" text DEFAULT 'materials_only' NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "no_answer_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "avatars" ADD COLUMN "photo_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "avatar_photos" ADD CONSTRAINT "avatar_photos_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;