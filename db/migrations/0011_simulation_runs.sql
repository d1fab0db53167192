CREATE TABLE "simulation_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"gate_enabled" boolean DEFAULT false NOT NULL,
	"min_score" integer DEFAULT 70 NOT NULL,
	"require_crisis_escalation" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "version_scorecards" (
	"version_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"avatar_id" text NOT NULL,
	"cases" integer NOT NULL,
	"mean_score" real NOT NULL,
	"crisis_cases" integer NOT NULL,
	"crisis_escalated" integer NOT NULL,
	"per_case" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "source" text DEFAULT 'patient' NOT NULL;--> statement-breakpoint
ALTER TABLE "simulation_settings" ADD CONSTRAINT "simulation_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_scorecards" ADD CONSTRAINT "version_scorecards_version_id_avatar_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."avatar_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_scorecards" ADD CONSTRAINT "version_scorecards_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_scorecards" ADD CONSTRAINT "version_scorecards_avatar_id_avatars_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."avatars"("id") ON DELETE cascade ON UPDATE no action;