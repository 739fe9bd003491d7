-- The one aggregate-query layer: grouped results over a network's facts, the acting firm's own and
-- those granted to it at either level, with each owner's k enforced here, inside the database, so no
-- caller can bypass it. Results are always per owner firm (whose data) and per group of one
-- whitelisted dimension. A group of another firm's data with fewer than k distinct customers is
-- pooled with that owner's other small groups into one "other" row (pooled = true), which is itself
-- dropped when it still has fewer than k customers. The acting firm's own data has k = 1.
CREATE FUNCTION app_aggregate(p_dataset dataset, p_network uuid, p_dimension text)
RETURNS TABLE (owner_firm_id uuid, min_group_size integer, grp text, pooled boolean, customers bigint,
               row_count bigint, amount numeric, quantity numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  dimension text;
  amount_expr text := 'NULL::numeric';
  quantity_expr text := 'NULL::numeric';
BEGIN
  IF NOT app_is_network_member(p_network) THEN
    RAISE EXCEPTION 'not an active member of network %', p_network USING ERRCODE = '42501';
  END IF;
  dimension := CASE p_dataset::text || '.' || p_dimension
    WHEN 'transactions.none' THEN 'NULL' WHEN 'transactions.channel' THEN 'f.channel::text'
    WHEN 'transactions.month' THEN 'to_char(f.occurred_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'
    WHEN 'transactions.sku' THEN 'f.sku' WHEN 'transactions.location' THEN 'f.location_id'
    WHEN 'transactions.currency' THEN 'f.currency::text'
    WHEN 'shipments.none' THEN 'NULL' WHEN 'shipments.carrier' THEN 'f.carrier'
    WHEN 'shipments.month' THEN 'to_char(f.promised_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'
    WHEN 'shipments.expedited' THEN 'f.expedited::text'
    WHEN 'service_cases.none' THEN 'NULL' WHEN 'service_cases.channel' THEN 'f.channel::text'
    WHEN 'service_cases.category' THEN 'f.category'
    WHEN 'service_cases.month' THEN 'to_char(f.opened_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'
    WHEN 'service_cases.satisfaction' THEN 'f.satisfaction::text'
    WHEN 'activities.none' THEN 'NULL' WHEN 'activities.activity' THEN 'f.activity'
    WHEN 'activities.month' THEN 'to_char(f.occurred_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'
  END;
  IF dimension IS NULL THEN
    RAISE EXCEPTION 'unknown dimension % for %', p_dimension, p_dataset USING ERRCODE = '22023';
  END IF;
  IF p_dataset = 'transactions' THEN
    amount_expr := 'f.net_amount'; quantity_expr := 'f.quantity';
  ELSIF p_dataset = 'shipments' THEN
    amount_expr := 'f.cost_amount';
  ELSIF p_dataset = 'activities' THEN
    quantity_expr := 'f.quantity';
  END IF;
  RETURN QUERY EXECUTE format($query$
    WITH owners AS (
      SELECT app_firm_id() AS owner_firm_id, 1 AS k
      UNION ALL
      SELECT g.owner_firm_id, g.min_group_size FROM app_aggregate_grants(%L) g WHERE g.network_id = $1
    ),
    facts AS (
      SELECT f.firm_id AS owner_firm_id, o.k, (%s)::text AS grp, f.customer_key,
             (%s)::numeric AS amount, (%s)::numeric AS quantity
      FROM %I f JOIN owners o ON o.owner_firm_id = f.firm_id
      WHERE f.network_id = $1
    ),
    groups AS (
      SELECT owner_firm_id, k, grp, count(DISTINCT customer_key) AS customers, count(*) AS row_count,
             sum(amount) AS amount, sum(quantity) AS quantity
      FROM facts GROUP BY owner_firm_id, k, grp
    ),
    small AS (SELECT owner_firm_id, grp FROM groups WHERE customers < k),
    other AS (
      SELECT f.owner_firm_id, f.k, count(DISTINCT f.customer_key) AS customers, count(*) AS row_count,
             sum(f.amount) AS amount, sum(f.quantity) AS quantity
      FROM facts f JOIN small s ON s.owner_firm_id = f.owner_firm_id AND s.grp IS NOT DISTINCT FROM f.grp
      GROUP BY f.owner_firm_id, f.k
    )
    SELECT owner_firm_id, k, grp, false, customers, row_count, amount, quantity FROM groups WHERE customers >= k
    UNION ALL
    SELECT owner_firm_id, k, NULL::text, true, customers, row_count, amount, quantity FROM other WHERE customers >= k
    ORDER BY 1, 3 NULLS LAST
  $query$, p_dataset, dimension, amount_expr, quantity_expr, p_dataset::text) USING p_network;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_aggregate(dataset, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_aggregate(dataset, uuid, text) TO accord_app;
