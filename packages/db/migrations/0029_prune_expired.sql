-- Housekeeping for the sign-in tables: single-use secrets that expired more than a day ago (login
-- challenges, password reset and email verification tokens, SSO states) and sessions whose newest refresh
-- token expired more than 30 days ago. Nothing removed could still be used; the grace periods keep recent
-- rows for questions about what just happened. The worker calls it on a schedule; it answers how many rows
-- went from each table.
CREATE FUNCTION auth_prune_expired() RETURNS TABLE (table_name text, removed integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n integer;
BEGIN
  DELETE FROM login_challenges WHERE expires_at < now() - interval '1 day';
  GET DIAGNOSTICS n = ROW_COUNT;
  table_name := 'login_challenges'; removed := n; RETURN NEXT;

  DELETE FROM password_reset_tokens WHERE expires_at < now() - interval '1 day';
  GET DIAGNOSTICS n = ROW_COUNT;
  table_name := 'password_reset_tokens'; removed := n; RETURN NEXT;

  DELETE FROM email_verification_tokens WHERE expires_at < now() - interval '1 day';
  GET DIAGNOSTICS n = ROW_COUNT;
  table_name := 'email_verification_tokens'; removed := n; RETURN NEXT;

  DELETE FROM sso_login_states WHERE expires_at < now() - interval '1 day';
  GET DIAGNOSTICS n = ROW_COUNT;
  table_name := 'sso_login_states'; removed := n; RETURN NEXT;

  DELETE FROM refresh_tokens WHERE family_id IN (
    SELECT family_id FROM refresh_tokens GROUP BY family_id HAVING max(expires_at) < now() - interval '30 days'
  );
  GET DIAGNOSTICS n = ROW_COUNT;
  table_name := 'refresh_tokens'; removed := n; RETURN NEXT;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth_prune_expired() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_prune_expired() TO accord_app;
