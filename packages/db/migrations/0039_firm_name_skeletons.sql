-- A new firm may not take a name that looks like another firm's: each firm keeps its name's skeleton
-- (computed by the application from Unicode's confusables data; firms from before are filled in when
-- the database is next migrated), and sign-up refuses a name whose skeleton a firm already has.
ALTER TABLE "firms" ADD COLUMN "name_skeleton" text;--> statement-breakpoint
CREATE INDEX "firms_name_skeleton_index" ON "firms" USING btree ("name_skeleton");--> statement-breakpoint
DROP FUNCTION auth_sign_up(text, text, chain_role, text, text, text, text, timestamptz, text, integer);
--> statement-breakpoint
CREATE FUNCTION auth_sign_up(
  p_firm_name text, p_slug text, p_chain_role chain_role, p_name text, p_email text, p_password_hash text,
  p_verification_hash text, p_verification_expires_at timestamptz, p_invitation_hash text, p_domain_limit integer,
  p_name_skeleton text
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
  PERFORM pg_advisory_xact_lock(hashtext('sign-up:firm:' || p_name_skeleton));
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
  IF EXISTS (SELECT 1 FROM firms f WHERE lower(f.name) = lower(v_name) OR f.name_skeleton = p_name_skeleton) THEN
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
  INSERT INTO firms (name, slug, chain_role, name_skeleton) VALUES (v_name, candidate, p_chain_role, p_name_skeleton)
  RETURNING firms.id INTO fid;
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
REVOKE EXECUTE ON FUNCTION auth_sign_up(text, text, chain_role, text, text, text, text, timestamptz, text, integer, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_sign_up(text, text, chain_role, text, text, text, text, timestamptz, text, integer, text) TO accord_app;
