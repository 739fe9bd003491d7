-- Customer 360 names a firm that holds data on the customer it has not granted only when that firm
-- already shares some dataset with the viewer at customer level in the network: for a firm with no such
-- agreement, the name alone would tell which partners know a person (looked up by a raw email).
CREATE OR REPLACE FUNCTION app_customer_hidden_holders(p_network uuid, p_customer_key text)
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
    AND EXISTS (SELECT 1 FROM unnest(enum_range(NULL::dataset)) AS d(dataset), LATERAL app_customer_grants(d.dataset) g
                WHERE g.network_id = p_network AND g.owner_firm_id = h.firm_id)
$$;
