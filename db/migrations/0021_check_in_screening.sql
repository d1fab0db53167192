ALTER TABLE "messages" ADD COLUMN "screening" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pending_escalation" jsonb;--> statement-breakpoint
CREATE INDEX "messages_pending_escalation_idx" ON "messages" USING btree ("created_at") WHERE "messages"."pending_escalation" is not null;