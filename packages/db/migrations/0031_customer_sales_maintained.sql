-- customer_sales holds each seller's lines summed per customer. Triggers on transactions keep it true in
-- the transaction that changes the lines (a merge, a restatement, a delete), so a recompute reads one row
-- per customer and seller, and a batch costs what it touched: its customers are summed again from their
-- lines, nobody else. The runtime role reads the rows as it reads the lines they sum (its own, and those
-- granted to it at customer level) and writes none.
ALTER TABLE customer_sales ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customer_sales FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON customer_sales FROM accord_app;
--> statement-breakpoint
GRANT SELECT ON customer_sales TO accord_app;
--> statement-breakpoint
CREATE POLICY customer_sales_own ON customer_sales FOR SELECT TO accord_app USING (firm_id = app_firm_id());
--> statement-breakpoint
CREATE POLICY customer_sales_granted ON customer_sales FOR SELECT TO accord_app
  USING ((network_id, firm_id) IN (SELECT g.network_id, g.owner_firm_id FROM app_customer_grants('transactions') g));
--> statement-breakpoint
-- Sums the lines of one seller's customers afresh (those without lines left lose their row); every
-- customer of the seller when p_keys is null. Purchase days are days (UTC) with a line of positive
-- quantity; a channel is bit i for the i-th sales_channel. Run through EXECUTE so that each call is
-- planned with its keys in view (a hashed set, or an index probe per key), not as a generic plan.
CREATE FUNCTION customer_sales_refresh(p_network uuid, p_firm uuid, p_keys char(64)[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  keyed text := CASE WHEN p_keys IS NULL THEN '' ELSE 'AND customer_key = ANY ($3)' END;
BEGIN
  EXECUTE 'DELETE FROM customer_sales WHERE network_id = $1 AND firm_id = $2 ' || keyed
    USING p_network, p_firm, p_keys;
  EXECUTE $sql$
  INSERT INTO customer_sales (network_id, firm_id, customer_key, purchase_days, first_day, last_day,
    purchase_amount, first_amount, net_amount, cost_amount, lines, return_lines, orders, channels)
  SELECT $1, $2, l.customer_key,
         coalesce(array_agg(DISTINCT l.day ORDER BY l.day) FILTER (WHERE l.quantity > 0), '{}'),
         min(l.day) FILTER (WHERE l.quantity > 0), max(l.day) FILTER (WHERE l.quantity > 0),
         coalesce(sum(l.net_amount) FILTER (WHERE l.quantity > 0), 0),
         coalesce(sum(l.net_amount) FILTER (WHERE l.quantity > 0 AND l.day = l.first_day), 0),
         sum(l.net_amount), sum(coalesce(l.cost_amount, 0)),
         count(*), count(*) FILTER (WHERE l.quantity < 0), count(DISTINCT l.order_id),
         bit_or(1 << (array_position(enum_range(NULL::sales_channel), l.channel) - 1))
  FROM (SELECT t.customer_key, (t.occurred_at AT TIME ZONE 'UTC')::date AS day, t.quantity, t.net_amount,
               t.cost_amount, t.order_id, t.channel,
               min((t.occurred_at AT TIME ZONE 'UTC')::date) FILTER (WHERE t.quantity > 0)
                 OVER (PARTITION BY t.customer_key) AS first_day
        FROM transactions t
        WHERE t.network_id = $1 AND t.firm_id = $2 $sql$ || replace(keyed, 'customer_key', 't.customer_key') || $sql$) l
  GROUP BY l.customer_key $sql$
    USING p_network, p_firm, p_keys;
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION customer_sales_refresh(uuid, uuid, char(64)[]) FROM PUBLIC;
--> statement-breakpoint
-- After lines are inserted, restated or deleted: each seller's customers among them (before and after a
-- restatement, which may move a line to another customer) are summed again.
CREATE FUNCTION customer_sales_after_lines() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM customer_sales_refresh(network_id, firm_id, array_agg(DISTINCT customer_key))
    FROM new_lines GROUP BY network_id, firm_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM customer_sales_refresh(network_id, firm_id, array_agg(DISTINCT customer_key))
    FROM (SELECT network_id, firm_id, customer_key FROM old_lines
          UNION ALL SELECT network_id, firm_id, customer_key FROM new_lines) c
    GROUP BY network_id, firm_id;
  ELSE
    PERFORM customer_sales_refresh(network_id, firm_id, array_agg(DISTINCT customer_key))
    FROM old_lines GROUP BY network_id, firm_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER transactions_customer_sales_insert AFTER INSERT ON transactions
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_after_lines();
--> statement-breakpoint
CREATE TRIGGER transactions_customer_sales_update AFTER UPDATE ON transactions
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT
  EXECUTE FUNCTION customer_sales_after_lines();
--> statement-breakpoint
CREATE TRIGGER transactions_customer_sales_delete AFTER DELETE ON transactions
  REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_after_lines();
--> statement-breakpoint
CREATE FUNCTION customer_sales_after_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  TRUNCATE customer_sales;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER transactions_customer_sales_truncate AFTER TRUNCATE ON transactions
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_after_truncate();
--> statement-breakpoint
-- Sums a whole network afresh from its lines: what the triggers keep, rebuilt (for the owner: the
-- migration below, and a repair should the rows ever be doubted).
CREATE FUNCTION customer_sales_rebuild(p_network uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '256MB' AS $$
BEGIN
  DELETE FROM customer_sales WHERE network_id = p_network;
  PERFORM customer_sales_refresh(p_network, f.firm_id, NULL)
  FROM (SELECT DISTINCT firm_id FROM transactions WHERE network_id = p_network) f;
  RETURN (SELECT count(*)::integer FROM customer_sales WHERE network_id = p_network);
END $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION customer_sales_rebuild(uuid) FROM PUBLIC;
--> statement-breakpoint
-- the lines merged before now
SELECT customer_sales_rebuild(n.id) FROM networks n;
