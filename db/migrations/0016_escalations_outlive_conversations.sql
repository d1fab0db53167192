ALTER TABLE "escalations" DROP CONSTRAINT "escalations_conversation_id_conversations_id_fk";
--> statement-breakpoint
ALTER TABLE "escalations" DROP CONSTRAINT "escalations_message_id_messages_id_fk";
--> statement-breakpoint
ALTER TABLE "escalations" ALTER COLUMN "conversation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "patient_message" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The escalation keeps its own copy of the patient's words, so it no longer needs the message row.
UPDATE "escalations" e SET "patient_message" = m."content" FROM "messages" m WHERE m."id" = e."message_id";
