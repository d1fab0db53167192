CREATE TYPE "public"."webhook_kind" AS ENUM('webhook', 'wecom', 'dingtalk', 'feishu', 'slack', 'teams');--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "webhook_kind" "webhook_kind" DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "alert_patient_text" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "department_crisis_routes" ADD COLUMN "webhook_kind" "webhook_kind" DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
-- Organizations that already send crisis alerts got the patient's message in them: keep that until an admin turns it off.
UPDATE "organizations" SET "alert_patient_text" = true WHERE "webhook_url" IS NOT NULL OR "notify_email" IS NOT NULL
  OR "id" IN (SELECT "org_id" FROM "department_crisis_routes" WHERE "webhook_url" IS NOT NULL OR "notify_email" IS NOT NULL);
