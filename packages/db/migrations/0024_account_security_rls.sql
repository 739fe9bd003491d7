-- Account security: lockout, password reset, MFA, sessions, member deactivation.
-- Secrets stay behind SECURITY DEFINER functions that answer exactly what the API asks: the
-- runtime role never reads password hashes, lockout counters or reset-token rows.

-- Sign-in now also answers the lock (and the counter it came from).
DROP FUNCTION auth_user_by_email(text);
--> statement-breakpoint
CREATE FUNCTION auth_user_by_email(p_email text)
RETURNS TABLE (id uuid, password_hash text, deactivated boolean, locked_until timestamptz, failed_logins integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.password_hash, u.deactivated_at IS NOT NULL, u.locked_until, u.failed_logins
  FROM users u WHERE u.email = lower(p_email)
$$;
--> statement-breakpoint
-- A failed password or second factor. From the fifth in a row the account locks for a minute,
-- doubling with each further failure up to an hour. Returns the lock, if any.
CREATE FUNCTION auth_login_failed(p_user uuid) RETURNS timestamptz
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE users SET
    failed_logins = failed_logins + 1,
    locked_until = CASE
      WHEN failed_logins + 1 >= 5
        THEN now() + least(interval '1 minute' * power(2, least(failed_logins + 1 - 5, 6)), interval '1 hour')
      ELSE locked_until
    END
  WHERE id = p_user
  RETURNING locked_until
$$;
--> statement-breakpoint
CREATE FUNCTION auth_lock_of(p_user uuid) RETURNS timestamptz
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.locked_until FROM users u WHERE u.id = p_user
$$;
--> statement-breakpoint
CREATE FUNCTION auth_login_succeeded(p_user uuid) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE users SET failed_logins = 0, locked_until = NULL
  WHERE id = p_user AND (failed_logins <> 0 OR locked_until IS NOT NULL)
$$;
--> statement-breakpoint
-- Issues a reset token for an active user who belongs to an active firm membership (the email is
-- sent from that firm's outbox). Answers nothing for an unknown or deactivated email.
CREATE FUNCTION auth_start_password_reset(p_email text, p_token_hash text, p_expires_at timestamptz)
RETURNS TABLE (user_id uuid, name text, email text, firm_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  u users%ROWTYPE;
  f uuid;
BEGIN
  SELECT * INTO u FROM users WHERE users.email = lower(p_email) AND deactivated_at IS NULL;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT m.firm_id INTO f FROM firm_memberships m
  WHERE m.user_id = u.id AND m.deactivated_at IS NULL ORDER BY m.created_at LIMIT 1;
  IF f IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES (u.id, p_token_hash, p_expires_at);
  RETURN QUERY SELECT u.id, u.name, u.email, f;
END
$$;
--> statement-breakpoint
CREATE FUNCTION auth_password_reset(p_token_hash text)
RETURNS TABLE (user_id uuid, email text, name text, expires_at timestamptz, used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT t.user_id, u.email, u.name, t.expires_at, t.used_at
  FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
  WHERE t.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- Spends a reset token and sets the password, atomically: clears any lockout and ends every
-- session and half-finished sign-in of the user. NULL when the token is unknown, spent or expired.
CREATE FUNCTION auth_complete_password_reset(p_token_hash text, p_password_hash text) RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  uid uuid;
BEGIN
  UPDATE password_reset_tokens SET used_at = now()
  WHERE token_hash = p_token_hash AND used_at IS NULL AND expires_at > now()
  RETURNING password_reset_tokens.user_id INTO uid;
  IF uid IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE users SET password_hash = p_password_hash, failed_logins = 0, locked_until = NULL WHERE id = uid;
  UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = uid AND revoked_at IS NULL;
  UPDATE login_challenges SET used_at = now() WHERE user_id = uid AND used_at IS NULL;
  UPDATE password_reset_tokens SET used_at = now() WHERE user_id = uid AND used_at IS NULL;
  RETURN uid;
END
$$;
--> statement-breakpoint
-- The signed-in user changes their own password (the API has checked the current one).
CREATE FUNCTION auth_change_password(p_password_hash text) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE users SET password_hash = p_password_hash, failed_logins = 0, locked_until = NULL
  WHERE id = app_user_id() AND app_user_id() IS NOT NULL
  RETURNING true
$$;
--> statement-breakpoint
-- The half-finished sign-in behind an mfaToken.
CREATE FUNCTION auth_login_challenge(p_token_hash text)
RETURNS TABLE (id uuid, user_id uuid, firm_id uuid, purpose text, expires_at timestamptz, used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id, c.user_id, c.firm_id, c.purpose, c.expires_at, c.used_at
  FROM login_challenges c WHERE c.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- API keys now answer whether the person who made them may still act for the firm.
DROP FUNCTION auth_api_key(text);
--> statement-breakpoint
CREATE FUNCTION auth_api_key(p_prefix text)
RETURNS TABLE (id uuid, firm_id uuid, network_id uuid, secret_hash text, datasets dataset[],
               expires_at timestamptz, revoked_at timestamptz, creator_active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.id, k.firm_id, k.network_id, k.secret_hash, k.datasets, k.expires_at, k.revoked_at,
         NOT EXISTS (
           SELECT 1 FROM firm_memberships m
           WHERE m.firm_id = k.firm_id AND m.user_id = k.created_by_user_id AND m.deactivated_at IS NOT NULL
         ) AND NOT EXISTS (
           SELECT 1 FROM users u WHERE u.id = k.created_by_user_id AND u.deactivated_at IS NOT NULL
         )
  FROM api_keys k WHERE k.prefix = p_prefix
$$;
--> statement-breakpoint
-- A firm admin ends a member's sessions that act (or acted) for the admin's firm. Refresh tokens
-- are otherwise visible to their own user only. Answers how many sessions were ended.
CREATE FUNCTION app_revoke_member_sessions(p_user uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  ended integer;
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM firm_memberships m
    WHERE m.firm_id = app_firm_id() AND m.user_id = app_user_id() AND m.role = 'firm_admin'
      AND m.deactivated_at IS NULL
  ) OR NOT EXISTS (SELECT 1 FROM firm_memberships m WHERE m.firm_id = app_firm_id() AND m.user_id = p_user) THEN
    RETURN NULL;
  END IF;
  WITH families AS (
    SELECT DISTINCT t.family_id FROM refresh_tokens t WHERE t.user_id = p_user AND t.firm_id = app_firm_id()
  ), revoked AS (
    UPDATE refresh_tokens t SET revoked_at = now()
    FROM families f WHERE t.family_id = f.family_id AND t.user_id = p_user AND t.revoked_at IS NULL
    RETURNING t.family_id
  )
  SELECT count(DISTINCT family_id) INTO ended FROM revoked;
  RETURN ended;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth_user_by_email(text), auth_login_failed(uuid), auth_lock_of(uuid), auth_login_succeeded(uuid),
  auth_start_password_reset(text, text, timestamptz), auth_password_reset(text),
  auth_complete_password_reset(text, text), auth_change_password(text), auth_login_challenge(text),
  auth_api_key(text), app_revoke_member_sessions(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_user_by_email(text), auth_login_failed(uuid), auth_lock_of(uuid), auth_login_succeeded(uuid),
  auth_start_password_reset(text, text, timestamptz), auth_password_reset(text),
  auth_complete_password_reset(text, text), auth_change_password(text), auth_login_challenge(text),
  auth_api_key(text), app_revoke_member_sessions(uuid) TO accord_app;
--> statement-breakpoint
-- Firm admins switch the firm's MFA requirement; nothing else of a firm is written at run time.
REVOKE UPDATE ON firms FROM accord_app;
--> statement-breakpoint
GRANT UPDATE (require_mfa) ON firms TO accord_app;
--> statement-breakpoint
CREATE POLICY firms_update_own ON firms FOR UPDATE TO accord_app USING (id = app_firm_id()) WITH CHECK (id = app_firm_id());
--> statement-breakpoint
-- Reset tokens: no rights at all for the runtime role; only the functions above touch them.
REVOKE ALL ON password_reset_tokens FROM accord_app;
--> statement-breakpoint
ALTER TABLE password_reset_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_reset_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_totp ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_totp FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_totp_own ON user_totp FOR ALL TO accord_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE mfa_recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mfa_recovery_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mfa_recovery_codes_own ON mfa_recovery_codes FOR ALL TO accord_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
REVOKE DELETE ON login_challenges FROM accord_app;
--> statement-breakpoint
ALTER TABLE login_challenges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE login_challenges FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY login_challenges_own ON login_challenges FOR ALL TO accord_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
