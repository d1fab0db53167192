CREATE TYPE "public"."gap_resolution" AS ENUM('answered', 'dismissed');--> statement-breakpoint
CREATE TABLE "gap_resolutions" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"org_id" text NOT NULL,
	"avatar_id" text NOT NULL,
	"message_id" text NOT NULL,
	"resolution" "gap_resolution" NOT NULL,
	"curated_answer_id" text,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protocols" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"org_id" text NOT NULL,
	"avatar_id" text NOT NULL,
	"title" text NOT NULL,
	"chief_complaint" text NOT NULL,
	"triggers_zh" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"triggers_en" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closing_advice" text DEFAULT '' NOT NULL,
	"closing_urgency" text DEFAULT 'days' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "avatar_versions" ADD COLUMN "protocols" jsonb;--> statement-breakpoint
ALTER TABLE "avatar_versions" ADD COLUMN "knowledge" jsonb;--> statement-breakpoint
ALTER TABLE "avatar_versions" ADD COLUMN "restored_from" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "protocol_state" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "urgency" text;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD COLUMN "urgency" text;--> statement-breakpoint
ALTER TABLE "curated_answers" ADD COLUMN "live" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "gap_resolutions" ADD CONSTRAINT "gap_resolutions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_resolutions" ADD CONSTRAINT "gap_resolutions_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_resolutions" ADD CONSTRAINT "gap_resolutions_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_resolutions" ADD CONSTRAINT "gap_resolutions_curated_answer_id_curated_answers_id_fk" FOREIGN KEY ("curated_answer_id") REFERENCES "public"."curated_answers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_resolutions" ADD CONSTRAINT "gap_resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gap_resolutions_message_key" ON "gap_resolutions" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "gap_resolutions_avatar_idx" ON "gap_resolutions" USING btree ("avatar_id");--> statement-breakpoint
CREATE INDEX "protocols_avatar_idx" ON "protocols" USING btree ("avatar_id","position");