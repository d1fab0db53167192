-- An unresolved crisis blocks deleting what would cascade it away. Organizations are deleted only at
-- the database (by an operator), so the rule lives here: an open or acknowledged escalation means a
-- patient may still be at risk and the hospital's record of it must survive until a person resolves it.
CREATE OR REPLACE FUNCTION organizations_keep_open_escalations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unresolved integer;
BEGIN
  SELECT count(*) INTO unresolved FROM escalations WHERE org_id = OLD.id AND status <> 'resolved';
  IF unresolved > 0 THEN
    RAISE EXCEPTION 'organization "%" (%) has % unresolved crisis escalation(s): resolve them in its escalation inbox before deleting it', OLD.name, OLD.id, unresolved
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_keep_open_escalations BEFORE DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION organizations_keep_open_escalations();
--> statement-breakpoint
-- A crisis reply whose escalation is still pending (messages.pending_escalation, written by the retry)
-- holds its conversation: deleting it would delete the only record of that crisis. Deleting paths write
-- the escalation first (it then outlives the conversation like any other).
CREATE OR REPLACE FUNCTION conversations_keep_pending_escalations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM messages WHERE conversation_id = OLD.id AND pending_escalation IS NOT NULL) THEN
    RAISE EXCEPTION 'conversation % has a crisis escalation not yet written: it must be written before the conversation is deleted', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER conversations_keep_pending_escalations BEFORE DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION conversations_keep_pending_escalations();
