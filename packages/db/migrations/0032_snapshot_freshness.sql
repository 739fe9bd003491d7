-- Freshness: the succeeded feed batches of a network whose rows the calling firm reads per customer
-- (its own, and those of firms granting it the batch's dataset at customer level), newest first, with
-- when each finished merging. A snapshot records the newest of them when it reads its data; readers
-- compare it with the newest now. Feed batches are visible only to their own firm under row-level
-- security, hence SECURITY DEFINER; it answers ids and times only, and nothing to a non-member.
CREATE FUNCTION app_visible_batches(p_network uuid) RETURNS TABLE (id uuid, finished_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH granted AS (
    SELECT d.dataset, g.owner_firm_id
    FROM unnest(enum_range(NULL::dataset)) d(dataset), LATERAL app_customer_grants(d.dataset) g
    WHERE g.network_id = p_network
  )
  SELECT b.id, b.finished_at
  FROM feed_batches b
  WHERE b.network_id = p_network AND b.status = 'succeeded' AND b.finished_at IS NOT NULL
    AND app_is_network_member(p_network)
    AND (b.firm_id = app_firm_id() OR (b.dataset, b.firm_id) IN (SELECT dataset, owner_firm_id FROM granted))
  ORDER BY b.finished_at DESC, b.id DESC
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_visible_batches(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_visible_batches(uuid) TO accord_app;
