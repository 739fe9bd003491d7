-- Customer value and segmentation. A firm's cost model, feature snapshots, labels, mappings and
-- alignments are its own (and written only while it is an active member of the network). The joint
-- scheme is read by every active member and published only by the focal firm; published versions
-- never change. A recompute prices every firm's activities by that firm's own rates, which it reads
-- through app_network_cost_rates (rates only, to active members).
CREATE POLICY cost_models_own ON cost_models FOR ALL TO accord_app
  USING (firm_id = app_firm_id())
  WITH CHECK (firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE cost_models ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cost_models FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE FUNCTION app_network_cost_rates(p_network uuid) RETURNS TABLE (firm_id uuid, rates jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.firm_id, c.rates FROM cost_models c
  WHERE c.network_id = p_network AND app_is_network_member(p_network)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_network_cost_rates(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_network_cost_rates(uuid) TO accord_app;
--> statement-breakpoint
CREATE POLICY feature_snapshots_own ON feature_snapshots FOR ALL TO accord_app
  USING (firm_id = app_firm_id())
  WITH CHECK (firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE feature_snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE feature_snapshots FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Writes check the firm only: the snapshot row the features belong to already passed the member check.
CREATE POLICY customer_features_own ON customer_features FOR ALL TO accord_app
  USING (firm_id = app_firm_id()) WITH CHECK (firm_id = app_firm_id());
--> statement-breakpoint
ALTER TABLE customer_features ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE customer_features FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON segmentation_schemes FROM accord_app;
--> statement-breakpoint
CREATE POLICY segmentation_schemes_select ON segmentation_schemes FOR SELECT TO accord_app
  USING (app_is_network_member(network_id));
--> statement-breakpoint
CREATE POLICY segmentation_schemes_insert ON segmentation_schemes FOR INSERT TO accord_app
  WITH CHECK (app_is_focal_firm(network_id) AND app_is_network_member(network_id)
              AND published_by_firm_id = app_firm_id() AND published_by_user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE segmentation_schemes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE segmentation_schemes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY segment_labels_own ON segment_labels FOR ALL TO accord_app
  USING (firm_id = app_firm_id())
  WITH CHECK (firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE segment_labels ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE segment_labels FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY segment_label_mappings_own ON segment_label_mappings FOR ALL TO accord_app
  USING (firm_id = app_firm_id())
  WITH CHECK (firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE segment_label_mappings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE segment_label_mappings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE UPDATE ON segment_alignments FROM accord_app;
--> statement-breakpoint
CREATE POLICY segment_alignments_own ON segment_alignments FOR ALL TO accord_app
  USING (firm_id = app_firm_id())
  WITH CHECK (firm_id = app_firm_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE segment_alignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE segment_alignments FORCE ROW LEVEL SECURITY;
