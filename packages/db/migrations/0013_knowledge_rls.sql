-- Joint knowledge: an insight is seen by its author's firm, by every active member when shared with
-- the network, or by the firms chosen as its readers (while they are active members). Comments are
-- seen with their insight and written by firms that see it. Nothing is deleted by the runtime role.
CREATE FUNCTION app_insight_visible(p_insight uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM insights i
    WHERE i.id = p_insight AND (
      i.author_firm_id = app_firm_id()
      OR (app_is_network_member(i.network_id) AND (
        i.audience = 'network'
        OR EXISTS (SELECT 1 FROM insight_readers r WHERE r.insight_id = i.id AND r.firm_id = app_firm_id()))))
  )
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_insight_visible(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_insight_visible(uuid) TO accord_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE ON insights, insight_readers, insight_comments FROM accord_app;
--> statement-breakpoint
ALTER TABLE insights ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE insights FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The author test stays inline: an insert's RETURNING checks the new row, which the function's
-- snapshot cannot see yet.
CREATE POLICY insights_select ON insights FOR SELECT TO accord_app
  USING (author_firm_id = app_firm_id() OR app_insight_visible(id));
--> statement-breakpoint
CREATE POLICY insights_insert ON insights FOR INSERT TO accord_app
  WITH CHECK (author_firm_id = app_firm_id() AND author_user_id = app_user_id() AND app_is_network_member(network_id));
--> statement-breakpoint
ALTER TABLE insight_readers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE insight_readers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY insight_readers_select ON insight_readers FOR SELECT TO accord_app USING (app_insight_visible(insight_id));
--> statement-breakpoint
CREATE POLICY insight_readers_insert ON insight_readers FOR INSERT TO accord_app
  WITH CHECK (EXISTS (SELECT 1 FROM insights i WHERE i.id = insight_id AND i.author_firm_id = app_firm_id()));
--> statement-breakpoint
ALTER TABLE insight_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE insight_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY insight_comments_select ON insight_comments FOR SELECT TO accord_app USING (app_insight_visible(insight_id));
--> statement-breakpoint
CREATE POLICY insight_comments_insert ON insight_comments FOR INSERT TO accord_app
  WITH CHECK (author_firm_id = app_firm_id() AND author_user_id = app_user_id() AND app_insight_visible(insight_id));
