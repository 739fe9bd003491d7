-- For Customer 360: which other member firms hold rows on a customer in datasets the acting firm has
-- not been granted at customer level, so the page can say what is hidden and offer to ask for it.
-- Answers firms and dataset names only, never the rows; only to an active member.
CREATE FUNCTION app_customer_hidden_holders(p_network uuid, p_customer_key text)
RETURNS TABLE (firm_id uuid, dataset dataset)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH holders AS (
    SELECT DISTINCT t.firm_id, 'transactions'::dataset AS dataset FROM transactions t
      WHERE t.network_id = p_network AND t.customer_key = p_customer_key
    UNION SELECT DISTINCT s.firm_id, 'shipments'::dataset FROM shipments s
      WHERE s.network_id = p_network AND s.customer_key = p_customer_key
    UNION SELECT DISTINCT c.firm_id, 'service_cases'::dataset FROM service_cases c
      WHERE c.network_id = p_network AND c.customer_key = p_customer_key
    UNION SELECT DISTINCT a.firm_id, 'activities'::dataset FROM activities a
      WHERE a.network_id = p_network AND a.customer_key = p_customer_key
  )
  SELECT h.firm_id, h.dataset FROM holders h
  WHERE app_is_network_member(p_network) AND h.firm_id <> app_firm_id()
    AND NOT EXISTS (SELECT 1 FROM app_customer_grants(h.dataset) g
                    WHERE g.network_id = p_network AND g.owner_firm_id = h.firm_id)
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_customer_hidden_holders(uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_customer_hidden_holders(uuid, text) TO accord_app;
