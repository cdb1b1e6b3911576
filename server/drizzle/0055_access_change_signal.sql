-- Who may see what changed (a session ended, a user or unit changed, a campaign's reach changed):
-- every RedShield process listening on rs_access_changed forgets the sessions and list scopes it
-- keeps for a few seconds (platform/access-cache.ts). Statement triggers: one signal per statement,
-- and PostgreSQL sends one per transaction and channel, when it commits.
CREATE OR REPLACE FUNCTION rs_signal_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rs_access_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_access_changed AFTER DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION rs_signal_access_changed();
--> statement-breakpoint
CREATE TRIGGER users_access_changed AFTER UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION rs_signal_access_changed();
--> statement-breakpoint
CREATE TRIGGER units_access_changed AFTER UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION rs_signal_access_changed();
--> statement-breakpoint
CREATE TRIGGER campaigns_access_changed AFTER UPDATE OR DELETE ON campaigns FOR EACH STATEMENT EXECUTE FUNCTION rs_signal_access_changed();
--> statement-breakpoint
CREATE TRIGGER campaign_participants_access_changed AFTER INSERT OR UPDATE OR DELETE ON campaign_participants FOR EACH STATEMENT EXECUTE FUNCTION rs_signal_access_changed();
