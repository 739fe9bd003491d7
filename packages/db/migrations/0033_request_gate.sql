-- The access check of a signed-in request, as one call in the request's first round trip: for the
-- acting user and firm (the transaction's settings), the user's role while they still belong to the
-- firm and are active, whether the session (a refresh-token family of that user) is live, and, given
-- a network, the firm's standing in it (the same tests as app_is_network_member,
-- app_has_network_membership and app_is_focal_firm). PL/pgSQL keeps its plans for the session, where
-- three SQL functions were planned again at every call. SECURITY DEFINER, answering only about the
-- caller's own settings; nothing about anyone else.
CREATE FUNCTION app_request_gate(p_session uuid, p_network uuid)
RETURNS TABLE (role firm_role, live boolean, active boolean, visible boolean, focal boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_user uuid := app_user_id();
  v_firm uuid := app_firm_id();
  v_status network_membership_status;
BEGIN
  SELECT m.role INTO role
  FROM firm_memberships m JOIN users u ON u.id = m.user_id
  WHERE m.user_id = v_user AND m.firm_id = v_firm AND m.deactivated_at IS NULL AND u.deactivated_at IS NULL;
  live := EXISTS (
    SELECT 1 FROM refresh_tokens t WHERE t.family_id = p_session AND t.user_id = v_user AND t.revoked_at IS NULL
  );
  IF p_network IS NOT NULL THEN
    SELECT nm.status INTO v_status FROM network_memberships nm WHERE nm.network_id = p_network AND nm.firm_id = v_firm;
    active := coalesce(v_status = 'active', false);
    visible := coalesce(v_status <> 'declined', false);
    focal := EXISTS (SELECT 1 FROM networks n WHERE n.id = p_network AND n.focal_firm_id = v_firm);
  END IF;
  RETURN NEXT;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_request_gate(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_request_gate(uuid, uuid) TO accord_app;
