-- Row-level security for sharing. Both sides of an agreement see it (every active member, for one
-- granted to the whole network). A firm reads another firm's fact rows only through an active,
-- current customer-level agreement with no aggregate-level one beside it: the stricter wins.
ALTER TABLE sharing_agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sharing_agreements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE DELETE ON sharing_agreements FROM accord_app;
--> statement-breakpoint
CREATE POLICY sharing_agreements_select ON sharing_agreements FOR SELECT TO accord_app
  USING (owner_firm_id = app_firm_id() OR grantee_firm_id = app_firm_id()
         OR (grantee_firm_id IS NULL AND app_is_network_member(network_id)));
--> statement-breakpoint
-- An owner grants its own data; a partner asks an owner for it. Both must be active members.
CREATE POLICY sharing_agreements_insert ON sharing_agreements FOR INSERT TO accord_app
  WITH CHECK (app_is_network_member(network_id) AND (
    (owner_firm_id = app_firm_id() AND status = 'active')
    OR (grantee_firm_id = app_firm_id() AND status = 'requested')));
--> statement-breakpoint
-- Only the owner decides: approve, decline, revoke (the service checks the transitions).
CREATE POLICY sharing_agreements_update ON sharing_agreements FOR UPDATE TO accord_app
  USING (owner_firm_id = app_firm_id()) WITH CHECK (owner_firm_id = app_firm_id());
--> statement-breakpoint
-- The agreements that apply to the acting firm today: active, started, not ended, to it (or to the
-- whole network while it is an active member), from another firm.
CREATE FUNCTION app_applicable_agreements(p_dataset dataset)
RETURNS TABLE (id uuid, network_id uuid, owner_firm_id uuid, level sharing_level, min_group_size integer,
               purpose text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.id, a.network_id, a.owner_firm_id, a.level, a.min_group_size, a.purpose
  FROM sharing_agreements a
  WHERE a.dataset = p_dataset AND a.status = 'active'
    AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)
    AND a.owner_firm_id <> app_firm_id()
    AND (a.grantee_firm_id = app_firm_id() OR (a.grantee_firm_id IS NULL AND app_is_network_member(a.network_id)))
$$;
--> statement-breakpoint
-- The owners whose rows of a dataset the acting firm may read row by row: every agreement that
-- applies is at customer level.
CREATE FUNCTION app_customer_grants(p_dataset dataset) RETURNS TABLE (network_id uuid, owner_firm_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT g.network_id, g.owner_firm_id FROM app_applicable_agreements(p_dataset) g
  GROUP BY g.network_id, g.owner_firm_id
  HAVING bool_and(g.level = 'customer')
$$;
--> statement-breakpoint
-- For the aggregate-query layer: the owners whose data may be read in groups, with the smallest
-- group allowed (k: the largest of the aggregate-level agreements that apply; 1 when all of them are
-- at customer level).
CREATE FUNCTION app_aggregate_grants(p_dataset dataset)
RETURNS TABLE (network_id uuid, owner_firm_id uuid, min_group_size integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT g.network_id, g.owner_firm_id,
         coalesce(max(g.min_group_size) FILTER (WHERE g.level = 'aggregate'), 1)
  FROM app_applicable_agreements(p_dataset) g
  GROUP BY g.network_id, g.owner_firm_id
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_applicable_agreements(dataset), app_customer_grants(dataset),
  app_aggregate_grants(dataset) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_applicable_agreements(dataset), app_customer_grants(dataset),
  app_aggregate_grants(dataset) TO accord_app;
--> statement-breakpoint
CREATE POLICY transactions_granted ON transactions FOR SELECT TO accord_app
  USING ((network_id, firm_id) IN (SELECT g.network_id, g.owner_firm_id FROM app_customer_grants('transactions') g));
--> statement-breakpoint
CREATE POLICY shipments_granted ON shipments FOR SELECT TO accord_app
  USING ((network_id, firm_id) IN (SELECT g.network_id, g.owner_firm_id FROM app_customer_grants('shipments') g));
--> statement-breakpoint
CREATE POLICY service_cases_granted ON service_cases FOR SELECT TO accord_app
  USING ((network_id, firm_id) IN (SELECT g.network_id, g.owner_firm_id FROM app_customer_grants('service_cases') g));
--> statement-breakpoint
CREATE POLICY activities_granted ON activities FOR SELECT TO accord_app
  USING ((network_id, firm_id) IN (SELECT g.network_id, g.owner_firm_id FROM app_customer_grants('activities') g));
--> statement-breakpoint
-- The access log is append-only for the runtime role: a reader writes its own reads; the owner of
-- the data (and the reader) may read them; nobody changes or removes one.
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM accord_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE access_log_id_seq TO accord_app;
--> statement-breakpoint
CREATE POLICY access_log_insert ON access_log FOR INSERT TO accord_app
  WITH CHECK (reader_firm_id = app_firm_id() AND owner_firm_id <> app_firm_id());
--> statement-breakpoint
CREATE POLICY access_log_select ON access_log FOR SELECT TO accord_app
  USING (owner_firm_id = app_firm_id() OR reader_firm_id = app_firm_id());
