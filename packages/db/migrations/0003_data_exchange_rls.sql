-- Row-level security for the data exchange. A firm sees and writes only its own keys, batches and
-- facts; sharing with partners comes through sharing agreements. Facts are written only by the
-- merge below, never directly by the runtime role.
REVOKE ALL ON networks FROM accord_app;
--> statement-breakpoint
GRANT SELECT (id, name, description, focal_firm_id, created_at), UPDATE (name, description) ON networks TO accord_app;
--> statement-breakpoint
GRANT INSERT ON networks TO accord_app;
--> statement-breakpoint
-- The hashing recipe's key, for active members only (an invited firm sees the network, not its key).
CREATE FUNCTION app_network_hashing_key(p_network uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT n.hashing_key FROM networks n WHERE n.id = p_network AND app_is_network_member(p_network)
$$;
--> statement-breakpoint
CREATE FUNCTION auth_api_key(p_prefix text)
RETURNS TABLE (id uuid, firm_id uuid, network_id uuid, secret_hash text, datasets dataset[],
               expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.id, k.firm_id, k.network_id, k.secret_hash, k.datasets, k.expires_at, k.revoked_at
  FROM api_keys k WHERE k.prefix = p_prefix
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION auth_api_key(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_key(text) TO accord_app;
--> statement-breakpoint
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_keys_firm ON api_keys FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE feed_batches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feed_batches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feed_batches_firm ON feed_batches FOR ALL TO accord_app
  USING (firm_id = app_firm_id())
  WITH CHECK (firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE feed_batch_chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feed_batch_chunks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY feed_batch_chunks_firm ON feed_batch_chunks FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE batch_errors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE batch_errors FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY batch_errors_firm ON batch_errors FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON transactions, shipments, service_cases, activities FROM accord_app;
--> statement-breakpoint
ALTER TABLE transactions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE transactions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY transactions_own ON transactions FOR SELECT TO accord_app USING (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE shipments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE shipments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shipments_own ON shipments FOR SELECT TO accord_app USING (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE service_cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY service_cases_own ON service_cases FOR SELECT TO accord_app USING (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE activities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY activities_own ON activities FOR SELECT TO accord_app USING (firm_id = app_firm_id());
--> statement-breakpoint
-- Staging: insert-only for the runtime role (see the schema); no row of it can be read back.
REVOKE ALL ON staging_transactions, staging_shipments, staging_service_cases, staging_activities FROM accord_app;
--> statement-breakpoint
GRANT INSERT ON staging_transactions, staging_shipments, staging_service_cases, staging_activities TO accord_app;
--> statement-breakpoint
-- The acting firm's own batch, locked; raises when it is not the firm's.
CREATE FUNCTION ingest_batch(p_batch uuid) RETURNS feed_batches
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b feed_batches%ROWTYPE;
BEGIN
  SELECT * INTO b FROM feed_batches WHERE id = p_batch AND firm_id = app_firm_id() FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'batch % is not a batch of the acting firm', p_batch USING ERRCODE = '42501';
  END IF;
  RETURN b;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ingest_clear_staging(p_batch uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b feed_batches%ROWTYPE := ingest_batch(p_batch);
BEGIN
  CASE b.dataset
    WHEN 'transactions' THEN DELETE FROM staging_transactions WHERE batch_id = b.id;
    WHEN 'shipments' THEN DELETE FROM staging_shipments WHERE batch_id = b.id;
    WHEN 'service_cases' THEN DELETE FROM staging_service_cases WHERE batch_id = b.id;
    WHEN 'activities' THEN DELETE FROM staging_activities WHERE batch_id = b.id;
  END CASE;
END
$$;
--> statement-breakpoint
-- Moves a batch's staged rows into its fact table: firm and network come from the batch, never
-- from staging; the last row of a natural key within the batch wins; an existing row is restated.
-- Returns the number of fact rows written.
CREATE FUNCTION ingest_merge(p_batch uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b feed_batches%ROWTYPE := ingest_batch(p_batch);
  n integer;
BEGIN
  CASE b.dataset
    WHEN 'transactions' THEN
      INSERT INTO transactions AS f (network_id, firm_id, customer_key, batch_id, updated_at, order_id, line_no,
        occurred_at, sku, quantity, net_amount, cost_amount, currency, channel, location_id)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.order_id, s.line_no, s.occurred_at, s.sku,
        s.quantity, s.net_amount, s.cost_amount, s.currency, s.channel, s.location_id
      FROM (SELECT DISTINCT ON (order_id, line_no) * FROM staging_transactions WHERE batch_id = b.id
            ORDER BY order_id, line_no, row_number DESC) s
      ON CONFLICT (network_id, firm_id, order_id, line_no) DO UPDATE SET
        customer_key = excluded.customer_key, batch_id = excluded.batch_id, updated_at = excluded.updated_at,
        occurred_at = excluded.occurred_at, sku = excluded.sku, quantity = excluded.quantity,
        net_amount = excluded.net_amount, cost_amount = excluded.cost_amount, currency = excluded.currency,
        channel = excluded.channel, location_id = excluded.location_id;
      GET DIAGNOSTICS n = ROW_COUNT;
      DELETE FROM staging_transactions WHERE batch_id = b.id;
    WHEN 'shipments' THEN
      INSERT INTO shipments AS f (network_id, firm_id, customer_key, batch_id, updated_at, shipment_id, order_id,
        carrier, promised_at, delivered_at, expedited, cost_amount, currency)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.shipment_id, s.order_id, s.carrier,
        s.promised_at, s.delivered_at, s.expedited, s.cost_amount, s.currency
      FROM (SELECT DISTINCT ON (shipment_id) * FROM staging_shipments WHERE batch_id = b.id
            ORDER BY shipment_id, row_number DESC) s
      ON CONFLICT (network_id, firm_id, shipment_id) DO UPDATE SET
        customer_key = excluded.customer_key, batch_id = excluded.batch_id, updated_at = excluded.updated_at,
        order_id = excluded.order_id, carrier = excluded.carrier, promised_at = excluded.promised_at,
        delivered_at = excluded.delivered_at, expedited = excluded.expedited, cost_amount = excluded.cost_amount,
        currency = excluded.currency;
      GET DIAGNOSTICS n = ROW_COUNT;
      DELETE FROM staging_shipments WHERE batch_id = b.id;
    WHEN 'service_cases' THEN
      INSERT INTO service_cases AS f (network_id, firm_id, customer_key, batch_id, updated_at, case_id, opened_at,
        resolved_at, channel, category, satisfaction)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.case_id, s.opened_at, s.resolved_at, s.channel,
        s.category, s.satisfaction
      FROM (SELECT DISTINCT ON (case_id) * FROM staging_service_cases WHERE batch_id = b.id
            ORDER BY case_id, row_number DESC) s
      ON CONFLICT (network_id, firm_id, case_id) DO UPDATE SET
        customer_key = excluded.customer_key, batch_id = excluded.batch_id, updated_at = excluded.updated_at,
        opened_at = excluded.opened_at, resolved_at = excluded.resolved_at, channel = excluded.channel,
        category = excluded.category, satisfaction = excluded.satisfaction;
      GET DIAGNOSTICS n = ROW_COUNT;
      DELETE FROM staging_service_cases WHERE batch_id = b.id;
    WHEN 'activities' THEN
      INSERT INTO activities AS f (network_id, firm_id, customer_key, batch_id, updated_at, activity, occurred_at,
        quantity)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.activity, s.occurred_at, s.quantity
      FROM (SELECT DISTINCT ON (customer_key, activity, occurred_at) * FROM staging_activities
            WHERE batch_id = b.id ORDER BY customer_key, activity, occurred_at, row_number DESC) s
      ON CONFLICT (network_id, firm_id, customer_key, activity, occurred_at) DO UPDATE SET
        batch_id = excluded.batch_id, updated_at = excluded.updated_at, quantity = excluded.quantity;
      GET DIAGNOSTICS n = ROW_COUNT;
      DELETE FROM staging_activities WHERE batch_id = b.id;
  END CASE;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION ingest_batch(uuid), ingest_clear_staging(uuid), ingest_merge(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ingest_batch(uuid), ingest_clear_staging(uuid), ingest_merge(uuid) TO accord_app;
