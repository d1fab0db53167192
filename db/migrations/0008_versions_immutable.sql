-- A published version is immutable: its number and content can never change (a rollback publishes a
-- new version instead). Deleting the avatar still removes its versions (cascade).
CREATE OR REPLACE FUNCTION avatar_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.avatar_id IS DISTINCT FROM OLD.avatar_id OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.protocols IS DISTINCT FROM OLD.protocols
     OR NEW.knowledge IS DISTINCT FROM OLD.knowledge OR NEW.restored_from IS DISTINCT FROM OLD.restored_from
     OR NEW.published_by IS DISTINCT FROM OLD.published_by OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'avatar_versions % is immutable: publish a new version instead', OLD.id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER avatar_versions_no_update BEFORE UPDATE ON avatar_versions FOR EACH ROW EXECUTE FUNCTION avatar_versions_immutable();
