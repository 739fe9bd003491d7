-- A batch loads in one transaction that streams: blocks of checked rows are COPYed into a temporary
-- table and merged into the fact table block by block, while the worker checks the next block. The
-- whole batch still commits (with its status) or rolls back as one. The staging tables become the
-- templates of that temporary table and hold no rows.
DROP FUNCTION ingest_merge(uuid);
--> statement-breakpoint
DROP FUNCTION ingest_clear_staging(uuid);
--> statement-breakpoint
REVOKE ALL ON staging_transactions, staging_shipments, staging_service_cases, staging_activities FROM accord_app;
--> statement-breakpoint
ALTER TABLE staging_transactions SET LOGGED;
--> statement-breakpoint
ALTER TABLE staging_shipments SET LOGGED;
--> statement-breakpoint
ALTER TABLE staging_service_cases SET LOGGED;
--> statement-breakpoint
ALTER TABLE staging_activities SET LOGGED;
--> statement-breakpoint
-- Feed bodies are usually gzip already, and TOAST compression costs more CPU than the disk it saves.
ALTER TABLE feed_batch_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
--> statement-breakpoint
-- The acting firm's own batch, no longer locked: the load reports progress on other connections meanwhile.
CREATE OR REPLACE FUNCTION ingest_batch(p_batch uuid) RETURNS feed_batches
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b feed_batches%ROWTYPE;
BEGIN
  SELECT * INTO b FROM feed_batches WHERE id = p_batch AND firm_id = app_firm_id();
  IF NOT FOUND THEN
    RAISE EXCEPTION 'batch % is not a batch of the acting firm', p_batch USING ERRCODE = '42501';
  END IF;
  RETURN b;
END
$$;
--> statement-breakpoint
-- Creates this transaction's pg_temp.ingest_rows, shaped like the batch's dataset, for the runtime
-- role to COPY into. Dropped at commit or rollback.
CREATE FUNCTION ingest_open(p_batch uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b feed_batches%ROWTYPE := ingest_batch(p_batch);
BEGIN
  EXECUTE format('CREATE TEMPORARY TABLE ingest_rows (LIKE %I) ON COMMIT DROP', 'staging_' || b.dataset);
  EXECUTE format('GRANT INSERT ON pg_temp.ingest_rows TO %I', 'accord_app');
END
$$;
--> statement-breakpoint
-- Moves the rows in pg_temp.ingest_rows into the batch's fact table and empties it: firm and network
-- come from the batch, never from the rows; the last row of a natural key wins; an existing row is
-- restated. Returns the number of fact rows written.
CREATE FUNCTION ingest_merge_rows(p_batch uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '256MB' AS $$
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
      FROM (SELECT DISTINCT ON (order_id, line_no) * FROM pg_temp.ingest_rows
            ORDER BY order_id, line_no, row_number DESC) s
      ON CONFLICT (network_id, firm_id, order_id, line_no) DO UPDATE SET
        customer_key = excluded.customer_key, batch_id = excluded.batch_id, updated_at = excluded.updated_at,
        occurred_at = excluded.occurred_at, sku = excluded.sku, quantity = excluded.quantity,
        net_amount = excluded.net_amount, cost_amount = excluded.cost_amount, currency = excluded.currency,
        channel = excluded.channel, location_id = excluded.location_id;
    WHEN 'shipments' THEN
      INSERT INTO shipments AS f (network_id, firm_id, customer_key, batch_id, updated_at, shipment_id, order_id,
        carrier, promised_at, delivered_at, expedited, cost_amount, currency)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.shipment_id, s.order_id, s.carrier,
        s.promised_at, s.delivered_at, s.expedited, s.cost_amount, s.currency
      FROM (SELECT DISTINCT ON (shipment_id) * FROM pg_temp.ingest_rows ORDER BY shipment_id, row_number DESC) s
      ON CONFLICT (network_id, firm_id, shipment_id) DO UPDATE SET
        customer_key = excluded.customer_key, batch_id = excluded.batch_id, updated_at = excluded.updated_at,
        order_id = excluded.order_id, carrier = excluded.carrier, promised_at = excluded.promised_at,
        delivered_at = excluded.delivered_at, expedited = excluded.expedited, cost_amount = excluded.cost_amount,
        currency = excluded.currency;
    WHEN 'service_cases' THEN
      INSERT INTO service_cases AS f (network_id, firm_id, customer_key, batch_id, updated_at, case_id, opened_at,
        resolved_at, channel, category, satisfaction)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.case_id, s.opened_at, s.resolved_at, s.channel,
        s.category, s.satisfaction
      FROM (SELECT DISTINCT ON (case_id) * FROM pg_temp.ingest_rows ORDER BY case_id, row_number DESC) s
      ON CONFLICT (network_id, firm_id, case_id) DO UPDATE SET
        customer_key = excluded.customer_key, batch_id = excluded.batch_id, updated_at = excluded.updated_at,
        opened_at = excluded.opened_at, resolved_at = excluded.resolved_at, channel = excluded.channel,
        category = excluded.category, satisfaction = excluded.satisfaction;
    WHEN 'activities' THEN
      INSERT INTO activities AS f (network_id, firm_id, customer_key, batch_id, updated_at, activity, occurred_at,
        quantity)
      SELECT b.network_id, b.firm_id, s.customer_key, b.id, now(), s.activity, s.occurred_at, s.quantity
      FROM (SELECT DISTINCT ON (customer_key, activity, occurred_at) * FROM pg_temp.ingest_rows
            ORDER BY customer_key, activity, occurred_at, row_number DESC) s
      ON CONFLICT (network_id, firm_id, customer_key, activity, occurred_at) DO UPDATE SET
        batch_id = excluded.batch_id, updated_at = excluded.updated_at, quantity = excluded.quantity;
  END CASE;
  GET DIAGNOSTICS n = ROW_COUNT;
  TRUNCATE pg_temp.ingest_rows;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION ingest_open(uuid), ingest_merge_rows(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ingest_open(uuid), ingest_merge_rows(uuid) TO accord_app;
