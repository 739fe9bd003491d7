-- Tenancy: the runtime role, the request context, and row-level security for identity and networks.
-- Requests run as accord_app (owns nothing, no BYPASSRLS) inside a transaction that sets
-- app.firm_id and app.user_id with set_config(..., true). Migrations run as the owner.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'accord_app') THEN
    CREATE ROLE accord_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO accord_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO accord_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO accord_app;
--> statement-breakpoint
-- Password hashes never leave the database through the runtime role: it sees users without them.
REVOKE ALL ON users FROM accord_app;
--> statement-breakpoint
GRANT SELECT (id, email, name, created_at, deactivated_at), UPDATE (name) ON users TO accord_app;
--> statement-breakpoint
REVOKE DELETE ON refresh_tokens, email_outbox FROM accord_app;
--> statement-breakpoint
CREATE FUNCTION app_firm_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.firm_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
-- Membership look-ups used inside policies. SECURITY DEFINER so a policy on a table can consult
-- that same table without recursing into its own policy.
CREATE FUNCTION app_is_network_member(p_network uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM network_memberships m
    WHERE m.network_id = p_network AND m.firm_id = app_firm_id() AND m.status = 'active'
  )
$$;
--> statement-breakpoint
CREATE FUNCTION app_is_focal_firm(p_network uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM networks n WHERE n.id = p_network AND n.focal_firm_id = app_firm_id())
$$;
--> statement-breakpoint
-- An invited (not yet active) firm may see the network it was invited to, to accept or decline.
CREATE FUNCTION app_has_network_membership(p_network uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM network_memberships m
    WHERE m.network_id = p_network AND m.firm_id = app_firm_id() AND m.status <> 'declined'
  )
$$;
--> statement-breakpoint
-- A firm is visible to the acting firm itself, to the acting user's other firms, to firms that
-- share a network with it, and (for an invited firm) the focal firm that invited it.
CREATE FUNCTION app_firm_visible(p_firm uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p_firm = app_firm_id()
    OR EXISTS (SELECT 1 FROM firm_memberships fm WHERE fm.firm_id = p_firm AND fm.user_id = app_user_id())
    OR EXISTS (
      SELECT 1 FROM network_memberships mine
      JOIN network_memberships theirs ON theirs.network_id = mine.network_id
      JOIN networks n ON n.id = mine.network_id
      WHERE mine.firm_id = app_firm_id() AND theirs.firm_id = p_firm
        AND (
          (mine.status = 'active' AND (theirs.status = 'active' OR n.focal_firm_id = app_firm_id()))
          OR (mine.status = 'invited' AND n.focal_firm_id = p_firm)
        )
    )
$$;
--> statement-breakpoint
-- A user is visible to themself, to colleagues of the acting firm, and as the executive sponsor of a
-- firm in a network the acting firm belongs to.
CREATE FUNCTION app_user_visible(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p_user = app_user_id()
    OR EXISTS (SELECT 1 FROM firm_memberships fm WHERE fm.user_id = p_user AND fm.firm_id = app_firm_id())
    OR EXISTS (
      SELECT 1 FROM network_memberships m
      WHERE m.executive_sponsor_user_id = p_user AND app_is_network_member(m.network_id)
    )
$$;
--> statement-breakpoint
-- Sign-in happens before there is a firm or user context: these functions answer exactly the
-- questions sign-in asks, and nothing more.
CREATE FUNCTION auth_user_by_email(p_email text)
RETURNS TABLE (id uuid, password_hash text, deactivated boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.password_hash, u.deactivated_at IS NOT NULL FROM users u WHERE u.email = lower(p_email)
$$;
--> statement-breakpoint
CREATE FUNCTION auth_refresh_token(p_token_hash text)
RETURNS TABLE (id uuid, user_id uuid, firm_id uuid, family_id uuid, expires_at timestamptz,
               used_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT t.id, t.user_id, t.firm_id, t.family_id, t.expires_at, t.used_at, t.revoked_at
  FROM refresh_tokens t WHERE t.token_hash = p_token_hash
$$;
--> statement-breakpoint
CREATE FUNCTION auth_invitation(p_token_hash text)
RETURNS TABLE (id uuid, firm_id uuid, firm_name text, email text, role firm_role,
               expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz, user_exists boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, i.firm_id, f.name, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at,
         EXISTS (SELECT 1 FROM users u WHERE u.email = i.email)
  FROM user_invitations i JOIN firms f ON f.id = i.firm_id
  WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- Accepting an invitation creates the user when the email is new (the caller has already checked
-- the password of an existing user), adds the firm membership and spends the invitation, atomically.
-- Returns the user id, or NULL when the invitation is unknown, spent, withdrawn or expired.
CREATE FUNCTION auth_accept_invitation(p_token_hash text, p_name text, p_password_hash text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  inv user_invitations%ROWTYPE;
  uid uuid;
BEGIN
  UPDATE user_invitations SET accepted_at = now()
  WHERE token_hash = p_token_hash AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
  RETURNING * INTO inv;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT u.id INTO uid FROM users u WHERE u.email = inv.email;
  IF uid IS NULL THEN
    INSERT INTO users (email, name, password_hash) VALUES (inv.email, p_name, p_password_hash)
    RETURNING users.id INTO uid;
  END IF;
  INSERT INTO firm_memberships (firm_id, user_id, role) VALUES (inv.firm_id, uid, inv.role)
  ON CONFLICT (firm_id, user_id) DO NOTHING;
  RETURN uid;
END
$$;
--> statement-breakpoint
-- A focal firm invites a partner by its slug; firms not yet in a network with it are otherwise
-- invisible. Answers only with a firm context, and only the public facts of one firm.
CREATE FUNCTION app_firm_by_slug(p_slug text)
RETURNS TABLE (id uuid, name text, chain_role chain_role)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT f.id, f.name, f.chain_role FROM firms f WHERE f.slug = lower(p_slug) AND app_firm_id() IS NOT NULL
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth_user_by_email(text), auth_refresh_token(text), auth_invitation(text),
  auth_accept_invitation(text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_user_by_email(text), auth_refresh_token(text), auth_invitation(text),
  auth_accept_invitation(text, text, text) TO accord_app;
--> statement-breakpoint
ALTER TABLE firms ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE firms FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY firms_select ON firms FOR SELECT TO accord_app USING (app_firm_visible(id));
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_select ON users FOR SELECT TO accord_app USING (app_user_visible(id));
--> statement-breakpoint
CREATE POLICY users_update_self ON users FOR UPDATE TO accord_app USING (id = app_user_id()) WITH CHECK (id = app_user_id());
--> statement-breakpoint
ALTER TABLE firm_memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE firm_memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY firm_memberships_select ON firm_memberships FOR SELECT TO accord_app
  USING (firm_id = app_firm_id() OR user_id = app_user_id());
--> statement-breakpoint
CREATE POLICY firm_memberships_write ON firm_memberships FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE refresh_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY refresh_tokens_own ON refresh_tokens FOR ALL TO accord_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE user_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_invitations_firm ON user_invitations FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY email_outbox_firm ON email_outbox FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE networks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE networks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY networks_select ON networks FOR SELECT TO accord_app
  USING (focal_firm_id = app_firm_id() OR app_has_network_membership(id));
--> statement-breakpoint
CREATE POLICY networks_insert ON networks FOR INSERT TO accord_app WITH CHECK (focal_firm_id = app_firm_id());
--> statement-breakpoint
CREATE POLICY networks_update ON networks FOR UPDATE TO accord_app
  USING (focal_firm_id = app_firm_id()) WITH CHECK (focal_firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE network_memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE network_memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY network_memberships_select ON network_memberships FOR SELECT TO accord_app
  USING (firm_id = app_firm_id() OR app_is_network_member(network_id) OR app_is_focal_firm(network_id));
--> statement-breakpoint
CREATE POLICY network_memberships_insert ON network_memberships FOR INSERT TO accord_app
  WITH CHECK (app_is_focal_firm(network_id));
--> statement-breakpoint
-- The member firm answers its invitation and names its sponsor; the focal firm sets the stage.
CREATE POLICY network_memberships_update ON network_memberships FOR UPDATE TO accord_app
  USING (firm_id = app_firm_id() OR app_is_focal_firm(network_id))
  WITH CHECK (firm_id = app_firm_id() OR app_is_focal_firm(network_id));
