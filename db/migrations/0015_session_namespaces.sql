-- Session hashes gain their kind as a prefix (server/chat/patient-session.ts), so a browser cookie can
-- never name an API, widget, preview or simulation session. Rows are rewritten to what the code now computes.
-- API sessions: sha256('api:' || org id) -> 'api:' || sha256(org id).
UPDATE "conversations" SET "session_hash" = 'api:' || encode(sha256(convert_to("org_id", 'UTF8')), 'hex')
WHERE "session_hash" = encode(sha256(convert_to('api:' || "org_id", 'UTF8')), 'hex');--> statement-breakpoint
-- Previews (the draft): sha256('preview:' || user id) -> 'preview:' || sha256(user id).
UPDATE "conversations" c SET "session_hash" = 'preview:' || encode(sha256(convert_to(u."id", 'UTF8')), 'hex')
FROM "users" u
WHERE c."avatar_version_id" IS NULL AND c."session_hash" = encode(sha256(convert_to('preview:' || u."id", 'UTF8')), 'hex');--> statement-breakpoint
-- Simulations are never looked up by session again: the prefix only keeps them out of every other kind.
UPDATE "conversations" SET "session_hash" = 'simulation:' || "session_hash"
WHERE "source" = 'simulation' AND "session_hash" NOT LIKE '%:%';--> statement-breakpoint
-- The rest are browser cookies' hashes (sha256(token)), which keep working under their prefix. Widget
-- conversations cannot be told apart from them: they land under "browser:" too, where no cookie reaches them.
UPDATE "conversations" SET "session_hash" = 'browser:' || "session_hash" WHERE "session_hash" NOT LIKE '%:%';
