-- An API key acts for the firm on behalf of the firm admin who made it: it answers whether that person
-- is still active and still a firm admin of the firm, so a key stops when its maker is demoted too.
DROP FUNCTION auth_api_key(text);
--> statement-breakpoint
CREATE FUNCTION auth_api_key(p_prefix text)
RETURNS TABLE (id uuid, firm_id uuid, network_id uuid, secret_hash text, datasets dataset[],
               expires_at timestamptz, revoked_at timestamptz, creator_active boolean, creator_admin boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.id, k.firm_id, k.network_id, k.secret_hash, k.datasets, k.expires_at, k.revoked_at,
         NOT EXISTS (
           SELECT 1 FROM firm_memberships m
           WHERE m.firm_id = k.firm_id AND m.user_id = k.created_by_user_id AND m.deactivated_at IS NOT NULL
         ) AND NOT EXISTS (
           SELECT 1 FROM users u WHERE u.id = k.created_by_user_id AND u.deactivated_at IS NOT NULL
         ),
         EXISTS (
           SELECT 1 FROM firm_memberships m
           WHERE m.firm_id = k.firm_id AND m.user_id = k.created_by_user_id AND m.role = 'firm_admin'
             AND m.deactivated_at IS NULL
         )
  FROM api_keys k WHERE k.prefix = p_prefix
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_api_key(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_key(text) TO accord_app;
