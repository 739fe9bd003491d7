-- Scorecards. Definitions, periods, manual values, comments, actions and sign-offs are read by every
-- active member of the network. The focal firm defines scorecards and measures and closes periods;
-- a manual measure's values are entered by its owner firm; comments and sign-offs are each firm's own;
-- an action is changed by its owner or the firm that raised it. Computed values are each viewer
-- firm's own (computed from what it may see). A closed period never changes: triggers refuse it.
REVOKE DELETE ON scorecards, scorecard_measures, scorecard_periods, manual_measure_values, scorecard_comments,
  scorecard_actions, scorecard_signoffs FROM accord_app;
--> statement-breakpoint
REVOKE UPDATE ON scorecard_comments, scorecard_signoffs FROM accord_app;
--> statement-breakpoint
CREATE POLICY scorecards_select ON scorecards FOR SELECT TO accord_app USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecards_insert ON scorecards FOR INSERT TO accord_app
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id) AND created_by_firm_id = app_firm_id());
--> statement-breakpoint
CREATE POLICY scorecards_update ON scorecards FOR UPDATE TO accord_app
  USING (app_is_focal_firm(network_id) AND app_is_network_member(network_id))
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecards ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecards FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scorecard_measures_select ON scorecard_measures FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_measures_insert ON scorecard_measures FOR INSERT TO accord_app
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_measures_update ON scorecard_measures FOR UPDATE TO accord_app
  USING (app_is_focal_firm(network_id) AND app_is_network_member(network_id))
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecard_measures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecard_measures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- any member's recompute opens the current period; only the focal firm closes one
CREATE POLICY scorecard_periods_select ON scorecard_periods FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_periods_insert ON scorecard_periods FOR INSERT TO accord_app
  WITH CHECK (app_is_network_member(network_id) AND status = 'open');
--> statement-breakpoint
CREATE POLICY scorecard_periods_update ON scorecard_periods FOR UPDATE TO accord_app
  USING (app_is_focal_firm(network_id) AND app_is_network_member(network_id))
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecard_periods ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecard_periods FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scorecard_values_own ON scorecard_values FOR ALL TO accord_app
  USING (viewer_firm_id = app_firm_id())
  WITH CHECK (viewer_firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecard_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecard_values FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY manual_measure_values_select ON manual_measure_values FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY manual_measure_values_write ON manual_measure_values FOR ALL TO accord_app
  USING (entered_by_firm_id = app_firm_id())
  WITH CHECK (entered_by_firm_id = app_firm_id() AND entered_by_user_id = app_user_id()
              AND app_is_network_member(network_id)
              AND EXISTS (SELECT 1 FROM scorecard_measures m
                          WHERE m.id = measure_id AND m.owner_firm_id = app_firm_id() AND m.code IS NULL));
--> statement-breakpoint
ALTER TABLE manual_measure_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE manual_measure_values FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scorecard_comments_select ON scorecard_comments FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_comments_insert ON scorecard_comments FOR INSERT TO accord_app
  WITH CHECK (firm_id = app_firm_id() AND user_id = app_user_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecard_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecard_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scorecard_actions_select ON scorecard_actions FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_actions_insert ON scorecard_actions FOR INSERT TO accord_app
  WITH CHECK (created_by_firm_id = app_firm_id() AND created_by_user_id = app_user_id()
              AND app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_actions_update ON scorecard_actions FOR UPDATE TO accord_app
  USING (owner_firm_id = app_firm_id() OR created_by_firm_id = app_firm_id())
  WITH CHECK (app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecard_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecard_actions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY scorecard_signoffs_select ON scorecard_signoffs FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY scorecard_signoffs_insert ON scorecard_signoffs FOR INSERT TO accord_app
  WITH CHECK (firm_id = app_firm_id() AND user_id = app_user_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE scorecard_signoffs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE scorecard_signoffs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A closed period is immutable: its values, manual values and sign-offs, and the period row itself.
-- SQLSTATE 55000 (object not in prerequisite state), which the API answers with 409 period_closed.
CREATE FUNCTION app_refuse_closed_period() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_period uuid;
BEGIN
  IF TG_TABLE_NAME = 'scorecard_periods' THEN
    IF OLD.status = 'closed' THEN
      RAISE EXCEPTION 'scorecard period % is closed', OLD.id USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
  END IF;
  v_period := CASE WHEN TG_OP = 'DELETE' THEN OLD.period_id ELSE NEW.period_id END;
  IF EXISTS (SELECT 1 FROM scorecard_periods p WHERE p.id = v_period AND p.status = 'closed')
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM scorecard_periods p WHERE p.id = OLD.period_id AND p.status = 'closed')) THEN
    RAISE EXCEPTION 'scorecard period % is closed', v_period USING ERRCODE = '55000';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER scorecard_periods_closed BEFORE UPDATE OR DELETE ON scorecard_periods
  FOR EACH ROW EXECUTE FUNCTION app_refuse_closed_period();
--> statement-breakpoint
CREATE TRIGGER scorecard_values_closed BEFORE INSERT OR UPDATE OR DELETE ON scorecard_values
  FOR EACH ROW EXECUTE FUNCTION app_refuse_closed_period();
--> statement-breakpoint
CREATE TRIGGER manual_measure_values_closed BEFORE INSERT OR UPDATE OR DELETE ON manual_measure_values
  FOR EACH ROW EXECUTE FUNCTION app_refuse_closed_period();
--> statement-breakpoint
CREATE TRIGGER scorecard_signoffs_closed BEFORE INSERT OR UPDATE OR DELETE ON scorecard_signoffs
  FOR EACH ROW EXECUTE FUNCTION app_refuse_closed_period();
--> statement-breakpoint
-- The exchange's facts of a period [p_from, p_to) for scorecard measures, per firm and dataset, over
-- what the acting firm may see: its own data, data granted at customer level, and data granted at
-- aggregate level as long as the group (one firm's dataset in the period) has at least k customers,
-- else that row is left out, as in app_aggregate. Transactions also answer the previous period
-- [p_previous, p_from): its revenue, its buying customers and how many of them bought again. Every
-- row names the feed batches it came from (the drill-down). Nothing to a non-member.
CREATE FUNCTION app_scorecard_facts(p_network uuid, p_from date, p_to date, p_previous date)
RETURNS TABLE (firm_id uuid, dataset dataset, level text, batches uuid[], row_count bigint, customers bigint,
               revenue numeric, previous_revenue numeric, cost_of_goods numeric, sales_lines bigint,
               return_lines bigint, previous_customers bigint, retained_customers bigint,
               shipments_delivered bigint, shipments_on_time bigint, delay_days double precision,
               cases_opened bigint, cases_resolved_7d bigint, satisfaction_sum bigint, satisfaction_count bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH bounds AS (
    SELECT p_previous::timestamp AT TIME ZONE 'UTC' AS previous_at, p_from::timestamp AT TIME ZONE 'UTC' AS from_at,
           p_to::timestamp AT TIME ZONE 'UTC' AS to_at
  ),
  owners AS (
    SELECT d.dataset, app_firm_id() AS firm_id, 1 AS k, 'own' AS level
    FROM unnest(ARRAY['transactions', 'shipments', 'service_cases']::dataset[]) d(dataset)
    WHERE app_is_network_member(p_network)
    UNION ALL
    SELECT d.dataset, g.owner_firm_id, g.min_group_size,
           CASE WHEN EXISTS (SELECT 1 FROM app_customer_grants(d.dataset) c
                             WHERE c.network_id = p_network AND c.owner_firm_id = g.owner_firm_id)
                THEN 'customer' ELSE 'aggregate' END
    FROM unnest(ARRAY['transactions', 'shipments', 'service_cases']::dataset[]) d(dataset),
         LATERAL app_aggregate_grants(d.dataset) g
    WHERE g.network_id = p_network AND g.owner_firm_id <> app_firm_id() AND app_is_network_member(p_network)
  ),
  sales AS (
    SELECT t.firm_id, t.customer_key, t.batch_id, t.quantity, t.net_amount, t.cost_amount,
           t.occurred_at >= b.from_at AS current
    FROM transactions t CROSS JOIN bounds b
    JOIN owners o ON o.dataset = 'transactions' AND o.firm_id = t.firm_id
    WHERE t.network_id = p_network AND t.occurred_at >= b.previous_at AND t.occurred_at < b.to_at
  ),
  buyers AS (
    SELECT s.firm_id, s.customer_key, bool_or(s.current) AS now, bool_or(NOT s.current) AS before
    FROM sales s WHERE s.quantity > 0 GROUP BY 1, 2
  ),
  retention AS (
    SELECT firm_id, count(*) FILTER (WHERE before) AS previous_customers,
           count(*) FILTER (WHERE before AND now) AS retained_customers
    FROM buyers GROUP BY 1
  ),
  sales_facts AS (
    SELECT s.firm_id, array_agg(DISTINCT s.batch_id) FILTER (WHERE s.current) AS batches,
           count(*) FILTER (WHERE s.current) AS row_count,
           count(DISTINCT s.customer_key) FILTER (WHERE s.current AND s.quantity > 0) AS customers,
           coalesce(sum(s.net_amount) FILTER (WHERE s.current), 0) AS revenue,
           coalesce(sum(s.net_amount) FILTER (WHERE NOT s.current), 0) AS previous_revenue,
           coalesce(sum(coalesce(s.cost_amount, 0)) FILTER (WHERE s.current), 0) AS cost_of_goods,
           count(*) FILTER (WHERE s.current AND s.quantity > 0) AS sales_lines,
           count(*) FILTER (WHERE s.current AND s.quantity < 0) AS return_lines
    FROM sales s GROUP BY 1
  ),
  shipment_facts AS (
    SELECT s.firm_id, array_agg(DISTINCT s.batch_id) AS batches, count(*) AS row_count,
           count(DISTINCT s.customer_key) AS customers,
           count(*) FILTER (WHERE s.delivered_at IS NOT NULL) AS delivered,
           count(*) FILTER (WHERE s.delivered_at <= s.promised_at) AS on_time,
           coalesce(sum(greatest(0, extract(epoch FROM s.delivered_at - s.promised_at) / 86400.0))
                    FILTER (WHERE s.delivered_at IS NOT NULL), 0)::double precision AS delay_days
    FROM shipments s CROSS JOIN bounds b
    JOIN owners o ON o.dataset = 'shipments' AND o.firm_id = s.firm_id
    WHERE s.network_id = p_network AND s.promised_at >= b.from_at AND s.promised_at < b.to_at
    GROUP BY 1
  ),
  case_facts AS (
    SELECT c.firm_id, array_agg(DISTINCT c.batch_id) AS batches, count(*) AS row_count,
           count(DISTINCT c.customer_key) AS customers,
           count(*) FILTER (WHERE c.resolved_at IS NOT NULL AND c.resolved_at <= c.opened_at + interval '7 days') AS resolved,
           sum(c.satisfaction) AS satisfaction_sum, count(c.satisfaction) AS satisfaction_count
    FROM service_cases c CROSS JOIN bounds b
    JOIN owners o ON o.dataset = 'service_cases' AND o.firm_id = c.firm_id
    WHERE c.network_id = p_network AND c.opened_at >= b.from_at AND c.opened_at < b.to_at
    GROUP BY 1
  )
  SELECT o.firm_id, o.dataset, o.level, f.batches, f.row_count, f.customers,
         f.revenue, f.previous_revenue, f.cost_of_goods, f.sales_lines, f.return_lines,
         r.previous_customers, r.retained_customers,
         NULL::bigint, NULL::bigint, NULL::double precision, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
  FROM owners o JOIN sales_facts f ON f.firm_id = o.firm_id LEFT JOIN retention r ON r.firm_id = o.firm_id
  WHERE o.dataset = 'transactions'
    AND (o.k = 1 OR (f.customers >= o.k AND (coalesce(r.previous_customers, 0) = 0 OR r.previous_customers >= o.k)))
  UNION ALL
  SELECT o.firm_id, o.dataset, o.level, f.batches, f.row_count, f.customers,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         f.delivered, f.on_time, f.delay_days, NULL, NULL, NULL, NULL
  FROM owners o JOIN shipment_facts f ON f.firm_id = o.firm_id
  WHERE o.dataset = 'shipments' AND (o.k = 1 OR f.customers >= o.k)
  UNION ALL
  SELECT o.firm_id, o.dataset, o.level, f.batches, f.row_count, f.customers,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, f.row_count, f.resolved, f.satisfaction_sum, f.satisfaction_count
  FROM owners o JOIN case_facts f ON f.firm_id = o.firm_id
  WHERE o.dataset = 'service_cases' AND (o.k = 1 OR f.customers >= o.k)
$$;
--> statement-breakpoint
-- Feed health of every active member in a period, as the dataset catalog shows it to members: when
-- each firm's last batch before p_to succeeded, and the rows its batches finished in [p_from, p_to)
-- received and rejected (counts of rows sent, not of any firm's customers or facts).
CREATE FUNCTION app_scorecard_feeds(p_network uuid, p_from date, p_to date)
RETURNS TABLE (firm_id uuid, last_loaded_at timestamptz, batches uuid[], rows_received bigint, rows_rejected bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.firm_id,
         (SELECT max(b.finished_at) FROM feed_batches b
          WHERE b.network_id = p_network AND b.firm_id = m.firm_id AND b.status = 'succeeded'
            AND b.finished_at < p_to::timestamp AT TIME ZONE 'UTC'),
         coalesce(array_agg(b.id) FILTER (WHERE b.id IS NOT NULL), '{}'),
         coalesce(sum(b.rows_received), 0), coalesce(sum(b.rows_rejected), 0)
  FROM network_memberships m
  LEFT JOIN feed_batches b ON b.network_id = m.network_id AND b.firm_id = m.firm_id
       AND b.status IN ('succeeded', 'failed')
       AND b.finished_at >= p_from::timestamp AT TIME ZONE 'UTC' AND b.finished_at < p_to::timestamp AT TIME ZONE 'UTC'
  WHERE m.network_id = p_network AND m.status = 'active' AND app_is_network_member(p_network)
  GROUP BY m.firm_id
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_scorecard_facts(uuid, date, date, date), app_scorecard_feeds(uuid, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_scorecard_facts(uuid, date, date, date), app_scorecard_feeds(uuid, date, date) TO accord_app;
