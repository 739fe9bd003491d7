-- Single sign-on. A firm's admins read and write the firm's connection and domains; the sealed
-- client secret can be written but never read back by the runtime role. Sign-in, which runs before
-- anyone is known, goes through the SECURITY DEFINER auth_sso_* functions, which answer exactly
-- what it needs; sign-ins in flight (sso_login_states) are touched by those functions only.

-- The acting user is an active firm admin of the acting firm.
CREATE FUNCTION app_is_firm_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM firm_memberships m
    WHERE m.firm_id = app_firm_id() AND m.user_id = app_user_id() AND m.role = 'firm_admin'
      AND m.deactivated_at IS NULL
  )
$$;
--> statement-breakpoint
-- The firm that proved an email domain, and how its SSO is set: nothing for an unverified domain.
CREATE FUNCTION auth_sso_domain(p_domain text)
RETURNS TABLE (firm_id uuid, firm_name text, connected boolean, enabled boolean, sso_only boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT d.firm_id, f.name, c.firm_id IS NOT NULL, coalesce(c.enabled, false), coalesce(c.sso_only, false)
  FROM sso_domains d
  JOIN firms f ON f.id = d.firm_id
  LEFT JOIN sso_connections c ON c.firm_id = d.firm_id
  WHERE d.domain = lower(p_domain) AND d.verified_at IS NOT NULL
$$;
--> statement-breakpoint
-- The connection a sign-in uses, with its sealed secret (opened by the API, never by the database).
CREATE FUNCTION auth_sso_connection(p_firm uuid)
RETURNS TABLE (issuer text, client_id text, client_secret_sealed text, default_role firm_role, enabled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.issuer, c.client_id, c.client_secret_sealed, c.default_role, c.enabled
  FROM sso_connections c WHERE c.firm_id = p_firm
$$;
--> statement-breakpoint
-- A sign-in sent to the provider. Also drops states that expired more than a day ago.
CREATE FUNCTION auth_sso_start(p_state_hash text, p_nonce text, p_pkce_verifier text, p_firm uuid,
                               p_redirect_to text, p_expires_at timestamptz) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM sso_login_states WHERE expires_at < now() - interval '1 day';
  INSERT INTO sso_login_states (state_hash, nonce, pkce_verifier, firm_id, redirect_to, expires_at)
  VALUES (p_state_hash, p_nonce, p_pkce_verifier, p_firm, p_redirect_to, p_expires_at);
$$;
--> statement-breakpoint
-- Spends a state: once, and only before it expires. Nothing for an unknown, spent or expired one,
-- so a replayed callback finds nothing.
CREATE FUNCTION auth_sso_spend_state(p_state_hash text)
RETURNS TABLE (firm_id uuid, nonce text, pkce_verifier text, redirect_to text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE sso_login_states s SET used_at = now()
  WHERE s.state_hash = p_state_hash AND s.used_at IS NULL AND s.expires_at > now()
  RETURNING s.firm_id, s.nonce, s.pkce_verifier, s.redirect_to
$$;
--> statement-breakpoint
-- Finds or provisions the user an SSO sign-in proved (just in time), for a firm whose enabled
-- connection vouches for the email's verified domain: a new person gets an account without a
-- usable password, and anyone without a membership gets one with the connection's default role.
-- NULL user_id when the firm does not own the domain or has no enabled connection.
CREATE FUNCTION auth_sso_provision(p_firm uuid, p_email text, p_name text)
RETURNS TABLE (user_id uuid, user_deactivated boolean, membership_deactivated boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  conn sso_connections%ROWTYPE;
  v_email text := lower(p_email);
  uid uuid;
BEGIN
  SELECT * INTO conn FROM sso_connections c WHERE c.firm_id = p_firm AND c.enabled;
  IF NOT FOUND OR NOT EXISTS (
    SELECT 1 FROM sso_domains d
    WHERE d.firm_id = p_firm AND d.verified_at IS NOT NULL AND d.domain = split_part(v_email, '@', 2)
  ) THEN
    RETURN QUERY SELECT NULL::uuid, false, false;
    RETURN;
  END IF;
  SELECT u.id INTO uid FROM users u WHERE u.email = v_email;
  IF uid IS NULL THEN
    INSERT INTO users (email, name, password_hash) VALUES (v_email, p_name, '')
    ON CONFLICT (email) DO NOTHING RETURNING users.id INTO uid;
    IF uid IS NULL THEN
      SELECT u.id INTO uid FROM users u WHERE u.email = v_email;
    END IF;
  END IF;
  INSERT INTO firm_memberships (firm_id, user_id, role) VALUES (p_firm, uid, conn.default_role)
  ON CONFLICT (firm_id, user_id) DO NOTHING;
  RETURN QUERY
    SELECT uid, u.deactivated_at IS NOT NULL, m.deactivated_at IS NOT NULL
    FROM users u JOIN firm_memberships m ON m.user_id = u.id AND m.firm_id = p_firm
    WHERE u.id = uid;
END
$$;
--> statement-breakpoint
-- Whether an email must sign in through SSO: its domain is verified by a firm whose enabled
-- connection says SSO only. Answers that firm's name, or NULL. The firm's own active admins are
-- exempt (break-glass access when the provider is down or misconfigured).
CREATE FUNCTION auth_sso_required(p_email text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT f.name
  FROM sso_domains d
  JOIN sso_connections c ON c.firm_id = d.firm_id AND c.enabled AND c.sso_only
  JOIN firms f ON f.id = d.firm_id
  WHERE d.domain = split_part(lower(p_email), '@', 2) AND d.verified_at IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM users u JOIN firm_memberships m ON m.user_id = u.id
      WHERE u.email = lower(p_email) AND m.firm_id = d.firm_id AND m.role = 'firm_admin'
        AND m.deactivated_at IS NULL
    )
$$;
--> statement-breakpoint
-- Whether another firm already proved a domain (verifying it would clash with that firm).
CREATE FUNCTION app_sso_domain_taken(p_domain text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM sso_domains d
    WHERE d.domain = lower(p_domain) AND d.verified_at IS NOT NULL AND d.firm_id <> app_firm_id()
  )
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_is_firm_admin(), auth_sso_domain(text), auth_sso_connection(uuid),
  auth_sso_start(text, text, text, uuid, text, timestamptz), auth_sso_spend_state(text),
  auth_sso_provision(uuid, text, text), auth_sso_required(text), app_sso_domain_taken(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_is_firm_admin(), auth_sso_domain(text), auth_sso_connection(uuid),
  auth_sso_start(text, text, text, uuid, text, timestamptz), auth_sso_spend_state(text),
  auth_sso_provision(uuid, text, text), auth_sso_required(text), app_sso_domain_taken(text) TO accord_app;
--> statement-breakpoint
-- The sealed secret is write-only for the runtime role.
REVOKE ALL ON sso_connections FROM accord_app;
--> statement-breakpoint
GRANT SELECT (firm_id, issuer, client_id, default_role, sso_only, enabled, created_at, updated_at),
  INSERT, UPDATE, DELETE ON sso_connections TO accord_app;
--> statement-breakpoint
ALTER TABLE sso_connections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sso_connections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sso_connections_firm_admin ON sso_connections FOR ALL TO accord_app
  USING (firm_id = app_firm_id() AND app_is_firm_admin())
  WITH CHECK (firm_id = app_firm_id() AND app_is_firm_admin());
--> statement-breakpoint
ALTER TABLE sso_domains ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sso_domains FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sso_domains_firm_admin ON sso_domains FOR ALL TO accord_app
  USING (firm_id = app_firm_id() AND app_is_firm_admin())
  WITH CHECK (firm_id = app_firm_id() AND app_is_firm_admin());
--> statement-breakpoint
REVOKE ALL ON sso_login_states FROM accord_app;
--> statement-breakpoint
ALTER TABLE sso_login_states ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sso_login_states FORCE ROW LEVEL SECURITY;
