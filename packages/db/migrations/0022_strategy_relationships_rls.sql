-- The joint strategy, notifications and the partner portfolio's relationships under row-level security.
-- Strategy: every active member reads published versions; drafts and versions in review are the
-- strategy team's (the focal firm's firm admins and managers, plus the partner managers it invited),
-- and only the team writes. A published version never changes, a version in review keeps its
-- content, and a sponsor's decision binds to the network's latest published version: triggers
-- refuse the rest with SQLSTATE 55000 (object not in prerequisite state; the API answers 409).
-- Relationships (focal firm <-> one partner) are visible to their two firms only.
CREATE UNIQUE INDEX strategy_versions_one_open ON strategy_versions (network_id) WHERE status <> 'published';
--> statement-breakpoint
CREATE INDEX survey_responses_network_round ON survey_responses (network_id, round_id);
--> statement-breakpoint
REVOKE UPDATE, DELETE ON strategy_team_members, strategy_comments, strategy_signoffs FROM accord_app;
--> statement-breakpoint
GRANT DELETE ON strategy_team_members TO accord_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON notifications FROM accord_app;
--> statement-breakpoint
GRANT UPDATE (read_at) ON notifications TO accord_app;
--> statement-breakpoint
REVOKE DELETE ON relationship_assessments, survey_rounds, survey_responses FROM accord_app;
--> statement-breakpoint
REVOKE UPDATE ON relationship_contacts FROM accord_app;
--> statement-breakpoint
CREATE FUNCTION app_network_focal(p_network uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT n.focal_firm_id FROM networks n WHERE n.id = p_network
$$;
--> statement-breakpoint
-- The acting user is on the network's strategy team: a firm admin or manager of the focal firm, or a
-- partner's manager the focal firm invited (acting for that partner firm). An API key never is.
CREATE FUNCTION app_is_strategy_team(p_network uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT app_is_network_member(p_network) AND app_user_id() IS NOT NULL AND (
    (app_is_focal_firm(p_network) AND EXISTS (
      SELECT 1 FROM firm_memberships fm
      WHERE fm.firm_id = app_firm_id() AND fm.user_id = app_user_id() AND fm.role IN ('firm_admin', 'manager')))
    OR EXISTS (
      SELECT 1 FROM strategy_team_members t
      WHERE t.network_id = p_network AND t.user_id = app_user_id() AND t.firm_id = app_firm_id())
  )
$$;
--> statement-breakpoint
-- The people of the network's active member firms, for naming team members and boundary spanners.
-- Nothing to a non-member.
CREATE FUNCTION app_network_people(p_network uuid)
RETURNS TABLE (user_id uuid, firm_id uuid, name text, email text, role firm_role)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, fm.firm_id, u.name, u.email, fm.role
  FROM network_memberships m
  JOIN firm_memberships fm ON fm.firm_id = m.firm_id
  JOIN users u ON u.id = fm.user_id AND u.deactivated_at IS NULL
  WHERE m.network_id = p_network AND m.status = 'active' AND app_is_network_member(p_network)
$$;
--> statement-breakpoint
-- A user is also visible to the firms that share an active network with one of the user's firms
-- (the people of one's partners: team members, sponsors, commenters, boundary spanners).
CREATE OR REPLACE FUNCTION app_user_visible(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p_user = app_user_id()
    OR EXISTS (SELECT 1 FROM firm_memberships fm WHERE fm.user_id = p_user AND fm.firm_id = app_firm_id())
    OR EXISTS (
      SELECT 1 FROM network_memberships m
      WHERE m.executive_sponsor_user_id = p_user AND app_is_network_member(m.network_id)
    )
    OR EXISTS (
      SELECT 1 FROM firm_memberships fm
      JOIN network_memberships theirs ON theirs.firm_id = fm.firm_id AND theirs.status = 'active'
      WHERE fm.user_id = p_user AND app_is_network_member(theirs.network_id)
    )
$$;
--> statement-breakpoint
-- In-app notifications to the given users (NULL: every active user of every active member firm but
-- the actor), each for the firm through which they belong to the network. Only a member notifies.
CREATE FUNCTION app_notify(p_network uuid, p_users uuid[], p_kind text, p_title text, p_body text, p_link text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  IF NOT app_is_network_member(p_network) THEN
    RETURN 0;
  END IF;
  INSERT INTO notifications (user_id, firm_id, network_id, kind, title, body, link)
  SELECT DISTINCT ON (p.user_id, p.firm_id) p.user_id, p.firm_id, p_network, p_kind, p_title, p_body, p_link
  FROM app_network_people(p_network) p
  WHERE (p_users IS NULL AND p.user_id IS DISTINCT FROM app_user_id()) OR p.user_id = ANY (p_users);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
CREATE POLICY strategy_versions_select ON strategy_versions FOR SELECT TO accord_app
  USING (app_is_network_member(network_id) AND (status = 'published' OR app_is_strategy_team(network_id)));
--> statement-breakpoint
CREATE POLICY strategy_versions_insert ON strategy_versions FOR INSERT TO accord_app
  WITH CHECK (app_is_strategy_team(network_id) AND status = 'draft'
              AND created_by_user_id = app_user_id() AND updated_by_user_id = app_user_id());
--> statement-breakpoint
CREATE POLICY strategy_versions_update ON strategy_versions FOR UPDATE TO accord_app
  USING (app_is_strategy_team(network_id))
  WITH CHECK (app_is_strategy_team(network_id) AND updated_by_user_id = app_user_id());
--> statement-breakpoint
CREATE POLICY strategy_versions_delete ON strategy_versions FOR DELETE TO accord_app
  USING (app_is_strategy_team(network_id) AND status = 'draft');
--> statement-breakpoint
ALTER TABLE strategy_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE FUNCTION app_strategy_version_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'strategy version % is published', OLD.id USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'in_review' AND NEW.status <> 'draft'
     AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.title IS DISTINCT FROM OLD.title) THEN
    RAISE EXCEPTION 'strategy version % is in review', OLD.id USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.version <> OLD.version OR NEW.network_id <> OLD.network_id) THEN
    RAISE EXCEPTION 'a strategy version keeps its number and network' USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER strategy_versions_guard BEFORE UPDATE OR DELETE ON strategy_versions
  FOR EACH ROW EXECUTE FUNCTION app_strategy_version_guard();
--> statement-breakpoint
CREATE POLICY strategy_team_members_select ON strategy_team_members FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY strategy_team_members_insert ON strategy_team_members FOR INSERT TO accord_app
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_strategy_team(network_id) AND added_by_user_id = app_user_id()
              AND EXISTS (SELECT 1 FROM app_network_people(network_id) p
                          WHERE p.user_id = strategy_team_members.user_id AND p.firm_id = strategy_team_members.firm_id
                            AND p.role IN ('firm_admin', 'manager')));
--> statement-breakpoint
CREATE POLICY strategy_team_members_delete ON strategy_team_members FOR DELETE TO accord_app
  USING (app_is_focal_firm(network_id) AND app_is_strategy_team(network_id));
--> statement-breakpoint
ALTER TABLE strategy_team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_team_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- comments follow their version's visibility (the subquery is itself under strategy_versions' policy)
CREATE POLICY strategy_comments_select ON strategy_comments FOR SELECT TO accord_app
  USING (app_is_network_member(network_id) AND EXISTS (SELECT 1 FROM strategy_versions v WHERE v.id = version_id));
--> statement-breakpoint
CREATE POLICY strategy_comments_insert ON strategy_comments FOR INSERT TO accord_app
  WITH CHECK (firm_id = app_firm_id() AND user_id = app_user_id() AND app_is_network_member(network_id)
              AND EXISTS (SELECT 1 FROM strategy_versions v WHERE v.id = version_id AND v.network_id = strategy_comments.network_id));
--> statement-breakpoint
ALTER TABLE strategy_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY strategy_signoffs_select ON strategy_signoffs FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
-- only a partner firm's executive sponsor, for that firm
CREATE POLICY strategy_signoffs_insert ON strategy_signoffs FOR INSERT TO accord_app
  WITH CHECK (firm_id = app_firm_id() AND user_id = app_user_id() AND app_is_network_member(network_id)
              AND NOT app_is_focal_firm(network_id)
              AND EXISTS (SELECT 1 FROM network_memberships m
                          WHERE m.network_id = strategy_signoffs.network_id AND m.firm_id = app_firm_id()
                            AND m.executive_sponsor_user_id = app_user_id()));
--> statement-breakpoint
ALTER TABLE strategy_signoffs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_signoffs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE FUNCTION app_strategy_signoff_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  latest uuid;
BEGIN
  SELECT v.id INTO latest FROM strategy_versions v
  WHERE v.network_id = NEW.network_id AND v.status = 'published' ORDER BY v.version DESC LIMIT 1;
  IF latest IS NULL OR latest <> NEW.version_id THEN
    RAISE EXCEPTION 'strategy version % is not the latest published version', NEW.version_id USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER strategy_signoffs_guard BEFORE INSERT ON strategy_signoffs
  FOR EACH ROW EXECUTE FUNCTION app_strategy_signoff_guard();
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications FOR ALL TO accord_app
  USING (user_id = app_user_id() AND firm_id = app_firm_id())
  WITH CHECK (user_id = app_user_id() AND firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- a relationship's two firms: the focal firm and the partner
CREATE FUNCTION app_is_relationship_party(p_network uuid, p_partner uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT app_is_network_member(p_network) AND p_partner <> app_network_focal(p_network)
    AND (app_is_focal_firm(p_network) OR p_partner = app_firm_id())
$$;
--> statement-breakpoint
CREATE POLICY relationship_assessments_select ON relationship_assessments FOR SELECT TO accord_app
  USING (app_is_relationship_party(network_id, partner_firm_id));
--> statement-breakpoint
CREATE POLICY relationship_assessments_write ON relationship_assessments FOR ALL TO accord_app
  USING (respondent_firm_id = app_firm_id() AND app_is_relationship_party(network_id, partner_firm_id))
  WITH CHECK (respondent_firm_id = app_firm_id() AND answered_by_user_id = app_user_id()
              AND app_is_relationship_party(network_id, partner_firm_id));
--> statement-breakpoint
ALTER TABLE relationship_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE relationship_assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY relationship_contacts_select ON relationship_contacts FOR SELECT TO accord_app
  USING (app_is_relationship_party(network_id, partner_firm_id));
--> statement-breakpoint
CREATE POLICY relationship_contacts_write ON relationship_contacts FOR ALL TO accord_app
  USING (firm_id = app_firm_id() AND app_is_relationship_party(network_id, partner_firm_id))
  WITH CHECK (firm_id = app_firm_id() AND app_is_relationship_party(network_id, partner_firm_id)
              AND EXISTS (SELECT 1 FROM firm_memberships fm
                          WHERE fm.firm_id = app_firm_id() AND fm.user_id = relationship_contacts.user_id));
--> statement-breakpoint
ALTER TABLE relationship_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE relationship_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY survey_rounds_select ON survey_rounds FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY survey_rounds_write ON survey_rounds FOR ALL TO accord_app
  USING (app_is_focal_firm(network_id) AND app_is_network_member(network_id))
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id) AND closes_on >= opens_on);
--> statement-breakpoint
ALTER TABLE survey_rounds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE survey_rounds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY survey_responses_select ON survey_responses FOR SELECT TO accord_app
  USING (app_is_relationship_party(network_id, partner_firm_id));
--> statement-breakpoint
CREATE POLICY survey_responses_write ON survey_responses FOR ALL TO accord_app
  USING (respondent_firm_id = app_firm_id() AND app_is_relationship_party(network_id, partner_firm_id))
  WITH CHECK (respondent_firm_id = app_firm_id() AND answered_by_user_id = app_user_id()
              AND app_is_relationship_party(network_id, partner_firm_id)
              AND EXISTS (SELECT 1 FROM survey_rounds r WHERE r.id = round_id AND r.network_id = survey_responses.network_id));
--> statement-breakpoint
ALTER TABLE survey_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE survey_responses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- answers are taken while the round is open (UTC days, closes_on included)
CREATE FUNCTION app_survey_round_open() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM survey_rounds r WHERE r.id = NEW.round_id
                 AND (now() AT TIME ZONE 'UTC')::date BETWEEN r.opens_on AND r.closes_on) THEN
    RAISE EXCEPTION 'survey round % is not open', NEW.round_id USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER survey_responses_round_open BEFORE INSERT OR UPDATE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION app_survey_round_open();
