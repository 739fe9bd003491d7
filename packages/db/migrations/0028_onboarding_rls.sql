-- Onboarding: self-service sign-up, email verification and invitations of firms not yet on Accord.
-- Sign-up runs before there is a firm or a user, so it goes through SECURITY DEFINER functions that
-- do exactly one thing each; verification tokens are touched by those functions only. A network's
-- firm invitations are visible to its focal firm only.

-- Sign-in also answers whether the email is verified.
DROP FUNCTION auth_user_by_email(text);
--> statement-breakpoint
CREATE FUNCTION auth_user_by_email(p_email text)
RETURNS TABLE (id uuid, password_hash text, deactivated boolean, locked_until timestamptz, failed_logins integer,
               email_verified boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.password_hash, u.deactivated_at IS NOT NULL, u.locked_until, u.failed_logins,
         u.email_verified_at IS NOT NULL
  FROM users u WHERE u.email = lower(p_email)
$$;
--> statement-breakpoint
-- Accepting a user invitation proves the email: the link reached it.
CREATE OR REPLACE FUNCTION auth_accept_invitation(p_token_hash text, p_name text, p_password_hash text)
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
    INSERT INTO users (email, name, password_hash, email_verified_at) VALUES (inv.email, p_name, p_password_hash, now())
    RETURNING users.id INTO uid;
  ELSE
    UPDATE users SET email_verified_at = now() WHERE id = uid AND email_verified_at IS NULL;
  END IF;
  INSERT INTO firm_memberships (firm_id, user_id, role) VALUES (inv.firm_id, uid, inv.role)
  ON CONFLICT (firm_id, user_id) DO NOTHING;
  RETURN uid;
END
$$;
--> statement-breakpoint
-- A new firm signs up: the firm (its slug made unique with -2, -3...), its first user as firm admin,
-- and either a verification token or, through a firm invitation, active membership of the inviting
-- network with the email counted as verified. Answers an outcome; nothing is written unless it is
-- 'created'. Firm names are unique case-insensitively; concurrent sign-ups for the same name, slug
-- or email wait for each other.
CREATE FUNCTION auth_sign_up(
  p_firm_name text, p_slug text, p_chain_role chain_role, p_name text, p_email text, p_password_hash text,
  p_verification_hash text, p_verification_expires_at timestamptz, p_invitation_hash text, p_domain_limit integer
)
RETURNS TABLE (outcome text, user_id uuid, firm_id uuid, firm_slug text, network_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_email text := lower(btrim(p_email));
  v_name text := btrim(p_firm_name);
  v_domain text := split_part(lower(btrim(p_email)), '@', 2);
  inv firm_invitations%ROWTYPE;
  invited boolean := p_invitation_hash IS NOT NULL;
  candidate text := p_slug;
  n integer := 1;
  fid uuid;
  uid uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('sign-up:firm:' || lower(v_name)));
  PERFORM pg_advisory_xact_lock(hashtext('sign-up:email:' || v_email));
  PERFORM pg_advisory_xact_lock(hashtext('sign-up:slug:' || p_slug));
  IF invited THEN
    SELECT * INTO inv FROM firm_invitations i WHERE i.token_hash = p_invitation_hash FOR UPDATE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'invitation_not_found'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
      RETURN;
    ELSIF inv.accepted_at IS NOT NULL THEN
      RETURN QUERY SELECT 'invitation_used'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
      RETURN;
    ELSIF inv.revoked_at IS NOT NULL THEN
      RETURN QUERY SELECT 'invitation_withdrawn'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
      RETURN;
    ELSIF inv.expires_at <= now() THEN
      RETURN QUERY SELECT 'invitation_expired'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
      RETURN;
    ELSIF inv.email <> v_email THEN
      RETURN QUERY SELECT 'invitation_email_mismatch'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
      RETURN;
    END IF;
  END IF;
  IF EXISTS (SELECT 1 FROM users u WHERE u.email = v_email) THEN
    RETURN QUERY SELECT 'email_taken'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM firms f WHERE lower(f.name) = lower(v_name)) THEN
    RETURN QUERY SELECT 'firm_name_taken'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
    RETURN;
  END IF;
  -- unverified sign-ups per email domain and day: invitations are exempt (the link proves the email)
  IF NOT invited AND (
    SELECT count(*) FROM users u
    WHERE u.email_verified_at IS NULL AND u.created_at > now() - interval '1 day'
      AND split_part(u.email, '@', 2) = v_domain
  ) >= p_domain_limit THEN
    RETURN QUERY SELECT 'domain_limit'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::uuid;
    RETURN;
  END IF;
  WHILE EXISTS (SELECT 1 FROM firms f WHERE f.slug = candidate) LOOP
    n := n + 1;
    candidate := p_slug || '-' || n;
  END LOOP;
  INSERT INTO firms (name, slug, chain_role) VALUES (v_name, candidate, p_chain_role) RETURNING firms.id INTO fid;
  INSERT INTO users (email, name, password_hash, email_verified_at)
  VALUES (v_email, btrim(p_name), p_password_hash, CASE WHEN invited THEN now() END)
  RETURNING users.id INTO uid;
  INSERT INTO firm_memberships (firm_id, user_id, role) VALUES (fid, uid, 'firm_admin');
  IF invited THEN
    UPDATE firm_invitations SET accepted_at = now(), accepted_firm_id = fid WHERE id = inv.id;
    INSERT INTO network_memberships (network_id, firm_id, chain_role, status, executive_sponsor_user_id,
                                     invited_by_user_id, invited_at, responded_at, joined_at)
    VALUES (inv.network_id, fid, inv.chain_role, 'active', uid, inv.invited_by_user_id, inv.created_at, now(), now());
  ELSE
    INSERT INTO email_verification_tokens (user_id, token_hash, expires_at)
    VALUES (uid, p_verification_hash, p_verification_expires_at);
  END IF;
  RETURN QUERY SELECT 'created'::text, uid, fid, candidate, CASE WHEN invited THEN inv.network_id END;
END
$$;
--> statement-breakpoint
-- Issues a new verification token for an active, unverified user (earlier links stop working) and
-- answers whom to write to, from their first firm's outbox. Nothing for anyone else.
CREATE FUNCTION auth_start_email_verification(p_email text, p_token_hash text, p_expires_at timestamptz)
RETURNS TABLE (user_id uuid, name text, email text, firm_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  u users%ROWTYPE;
  f uuid;
BEGIN
  SELECT * INTO u FROM users
  WHERE users.email = lower(btrim(p_email)) AND deactivated_at IS NULL AND email_verified_at IS NULL;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT m.firm_id INTO f FROM firm_memberships m
  WHERE m.user_id = u.id AND m.deactivated_at IS NULL ORDER BY m.created_at LIMIT 1;
  IF f IS NULL THEN
    RETURN;
  END IF;
  UPDATE email_verification_tokens t SET used_at = now() WHERE t.user_id = u.id AND t.used_at IS NULL;
  INSERT INTO email_verification_tokens (user_id, token_hash, expires_at) VALUES (u.id, p_token_hash, p_expires_at);
  RETURN QUERY SELECT u.id, u.name, u.email, f;
END
$$;
--> statement-breakpoint
-- Follows a verification link: once, and only before it expires. Answers 'verified', 'invalid',
-- 'used' or 'expired'.
CREATE FUNCTION auth_verify_email(p_token_hash text) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t email_verification_tokens%ROWTYPE;
BEGIN
  SELECT * INTO t FROM email_verification_tokens v WHERE v.token_hash = p_token_hash FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'invalid';
  ELSIF t.used_at IS NOT NULL THEN
    RETURN 'used';
  ELSIF t.expires_at <= now() THEN
    RETURN 'expired';
  END IF;
  UPDATE email_verification_tokens SET used_at = now() WHERE id = t.id;
  UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = t.user_id;
  RETURN 'verified';
END
$$;
--> statement-breakpoint
-- What sign-up shows about the invitation behind a link: the network, who invites, as what.
CREATE FUNCTION auth_firm_invitation(p_token_hash text)
RETURNS TABLE (id uuid, network_name text, focal_firm_name text, email text, firm_name text,
               chain_role chain_role, expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, n.name, f.name, i.email, i.firm_name, i.chain_role, i.expires_at, i.accepted_at, i.revoked_at
  FROM firm_invitations i JOIN networks n ON n.id = i.network_id JOIN firms f ON f.id = n.focal_firm_id
  WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth_user_by_email(text),
  auth_sign_up(text, text, chain_role, text, text, text, text, timestamptz, text, integer),
  auth_start_email_verification(text, text, timestamptz), auth_verify_email(text), auth_firm_invitation(text)
  FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_user_by_email(text),
  auth_sign_up(text, text, chain_role, text, text, text, text, timestamptz, text, integer),
  auth_start_email_verification(text, text, timestamptz), auth_verify_email(text), auth_firm_invitation(text)
  TO accord_app;
--> statement-breakpoint
REVOKE ALL ON email_verification_tokens FROM accord_app;
--> statement-breakpoint
ALTER TABLE email_verification_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE email_verification_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Withdrawn, never deleted: the focal firm keeps the history.
REVOKE DELETE ON firm_invitations FROM accord_app;
--> statement-breakpoint
ALTER TABLE firm_invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE firm_invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY firm_invitations_focal ON firm_invitations FOR ALL TO accord_app
  USING (app_is_focal_firm(network_id)) WITH CHECK (app_is_focal_firm(network_id));
