-- The dataset catalog: who shares what with whom. For each active member firm of a network, the
-- datasets it has published there (at least one succeeded feed batch): how many batches and when the
-- last was loaded, with each agreement in force on it (active, started, not ended: to whom, level and
-- k), one row per agreement (agreement columns null when none). As in the agreements list, a firm
-- sees the agreements it is party to and the network-wide ones, not those between two other firms. Feed batches are visible only to their
-- own firm under row-level security, hence SECURITY DEFINER; it answers no row counts and no rows, and
-- nothing at all to a firm that is not an active member of the network.
CREATE FUNCTION app_dataset_catalog(p_network uuid)
RETURNS TABLE (owner_firm_id uuid, owner_name text, dataset dataset, batches bigint, last_loaded_at timestamptz,
               agreement_id uuid, grantee_firm_id uuid, grantee_name text, level sharing_level,
               min_group_size integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH published AS (
    SELECT b.firm_id, b.dataset, count(*) AS batches,
           max(coalesce(b.finished_at, b.created_at)) AS last_loaded_at
    FROM feed_batches b
    JOIN network_memberships m ON m.network_id = b.network_id AND m.firm_id = b.firm_id AND m.status = 'active'
    WHERE b.network_id = p_network AND b.status = 'succeeded'
    GROUP BY b.firm_id, b.dataset
  )
  SELECT p.firm_id, o.name, p.dataset, p.batches, p.last_loaded_at,
         a.id, a.grantee_firm_id, g.name, a.level, a.min_group_size
  FROM published p
  JOIN firms o ON o.id = p.firm_id
  LEFT JOIN sharing_agreements a ON a.network_id = p_network AND a.owner_firm_id = p.firm_id
    AND a.dataset = p.dataset AND a.status = 'active'
    AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)
    AND (a.owner_firm_id = app_firm_id() OR a.grantee_firm_id IS NULL OR a.grantee_firm_id = app_firm_id())
  LEFT JOIN firms g ON g.id = a.grantee_firm_id
  WHERE app_is_network_member(p_network)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_dataset_catalog(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_dataset_catalog(uuid) TO accord_app;
