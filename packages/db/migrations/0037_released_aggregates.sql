CREATE TABLE "aggregate_release_cells" (
	"network_id" uuid NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"dataset" "dataset" NOT NULL,
	"min_group_size" integer NOT NULL,
	"month" date NOT NULL,
	"dimension" text NOT NULL,
	"grp" text,
	"pooled" boolean NOT NULL,
	"customers" bigint NOT NULL,
	"row_count" bigint NOT NULL,
	"amount" numeric,
	"quantity" numeric
);
--> statement-breakpoint
CREATE TABLE "aggregate_release_reads" (
	"network_id" uuid NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"reader_firm_id" uuid NOT NULL,
	"dataset" "dataset" NOT NULL,
	"month" date NOT NULL,
	"min_group_size" integer NOT NULL,
	"first_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aggregate_release_reads_network_id_owner_firm_id_reader_firm_id_dataset_month_pk" PRIMARY KEY("network_id","owner_firm_id","reader_firm_id","dataset","month")
);
--> statement-breakpoint
CREATE TABLE "aggregate_releases" (
	"network_id" uuid NOT NULL,
	"owner_firm_id" uuid NOT NULL,
	"dataset" "dataset" NOT NULL,
	"min_group_size" integer NOT NULL,
	"month" date NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aggregate_releases_network_id_owner_firm_id_dataset_min_group_size_month_pk" PRIMARY KEY("network_id","owner_firm_id","dataset","min_group_size","month")
);
--> statement-breakpoint
ALTER TABLE "aggregate_release_cells" ADD CONSTRAINT "aggregate_release_cells_network_id_owner_firm_id_dataset_min_group_size_month_aggregate_releases_network_id_owner_firm_id_dataset_min_group_size_month_fk" FOREIGN KEY ("network_id","owner_firm_id","dataset","min_group_size","month") REFERENCES "public"."aggregate_releases"("network_id","owner_firm_id","dataset","min_group_size","month") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggregate_release_reads" ADD CONSTRAINT "aggregate_release_reads_reader_firm_id_firms_id_fk" FOREIGN KEY ("reader_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggregate_release_reads" ADD CONSTRAINT "aggregate_release_reads_network_id_owner_firm_id_dataset_min_group_size_month_aggregate_releases_network_id_owner_firm_id_dataset_min_group_size_month_fk" FOREIGN KEY ("network_id","owner_firm_id","dataset","min_group_size","month") REFERENCES "public"."aggregate_releases"("network_id","owner_firm_id","dataset","min_group_size","month") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggregate_releases" ADD CONSTRAINT "aggregate_releases_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggregate_releases" ADD CONSTRAINT "aggregate_releases_owner_firm_id_firms_id_fk" FOREIGN KEY ("owner_firm_id") REFERENCES "public"."firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aggregate_release_cells_network_id_owner_firm_id_dataset_min_group_size_dimension_month_index" ON "aggregate_release_cells" USING btree ("network_id","owner_firm_id","dataset","min_group_size","dimension","month");--> statement-breakpoint
-- Aggregates that cannot be differenced. Another firm's data at aggregate level (k > 1) is answered
-- from released months only, never from live facts:
-- * a month of an owner's dataset is released at a k once, after it has closed and settled
--   (app_release_through), and its figures never change after, whatever is loaded or restated later;
-- * in a released month, a fact counts towards no figure unless, in every dimension of the dataset
--   (and the month as a whole), its group has at least k distinct customers, or the groups under k
--   pool into one "other" cell of at least k; and a customer holding more than half of a group's (or
--   the pool's) amount or quantity is withheld (dominance). Facts withheld count towards no figure of
--   the month in any dimension, and the tests repeat until nothing more fails (app_release_month). So
--   every dimension of a month adds up to the same total, and the total minus any published groups is
--   itself a published group;
-- * the query ledger (aggregate_release_reads) keeps which release each reader was answered for each
--   month, so a month is answered alike ever after, even when the agreement's k changes.
-- The acting firm's own data and customer-level grants (k = 1) stay live.
ALTER TABLE aggregate_releases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE aggregate_releases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE aggregate_release_cells ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE aggregate_release_cells FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE aggregate_release_reads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE aggregate_release_reads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
REVOKE ALL ON aggregate_releases, aggregate_release_cells, aggregate_release_reads FROM accord_app;
--> statement-breakpoint
-- The whitelisted dimensions of each dataset and the expression of each (over the fact as f).
CREATE FUNCTION app_aggregate_dimensions()
RETURNS TABLE (dataset dataset, dimension text, expr text)
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
  VALUES ('transactions'::dataset, 'none', 'NULL'),
         ('transactions', 'month', 'to_char(f.occurred_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'),
         ('transactions', 'channel', 'f.channel::text'), ('transactions', 'sku', 'f.sku'),
         ('transactions', 'location', 'f.location_id'), ('transactions', 'currency', 'f.currency::text'),
         ('shipments', 'none', 'NULL'),
         ('shipments', 'month', 'to_char(f.promised_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'),
         ('shipments', 'carrier', 'f.carrier'), ('shipments', 'expedited', 'f.expedited::text'),
         ('service_cases', 'none', 'NULL'),
         ('service_cases', 'month', 'to_char(f.opened_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'),
         ('service_cases', 'channel', 'f.channel::text'), ('service_cases', 'category', 'f.category'),
         ('service_cases', 'satisfaction', 'f.satisfaction::text'),
         ('activities', 'none', 'NULL'),
         ('activities', 'month', 'to_char(f.occurred_at AT TIME ZONE ''UTC'', ''YYYY-MM'')'),
         ('activities', 'activity', 'f.activity')
$$;
--> statement-breakpoint
-- The column that places a fact in a month, per dataset.
CREATE FUNCTION app_dataset_time_column(p_dataset dataset) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
  SELECT CASE p_dataset WHEN 'transactions' THEN 'occurred_at' WHEN 'shipments' THEN 'promised_at'
                        WHEN 'service_cases' THEN 'opened_at' WHEN 'activities' THEN 'occurred_at' END
$$;
--> statement-breakpoint
-- The last month that may be released now: a month is released once seven days (UTC) have passed
-- since it ended, so late feeds of the month are in before its figures are fixed.
CREATE FUNCTION app_release_through() RETURNS date
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT (date_trunc('month', (now() AT TIME ZONE 'UTC') - interval '7 days') - interval '1 month')::date
$$;
--> statement-breakpoint
-- Release one month of an owner's dataset at k: load the month's facts, withhold the facts that fail
-- in any dimension until none does, and store each dimension's cells. The caller holds the lock.
CREATE FUNCTION app_release_month(p_network uuid, p_owner uuid, p_dataset dataset, p_k integer, p_month date)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  dominance CONSTANT numeric := 0.5; -- no customer may hold more than this share of a cell
  dims text[];
  exprs text[];
  amount_expr text := CASE p_dataset WHEN 'transactions' THEN 'f.net_amount' WHEN 'shipments' THEN 'f.cost_amount'
                                     ELSE 'NULL' END;
  quantity_expr text := CASE p_dataset WHEN 'transactions' THEN 'f.quantity' WHEN 'activities' THEN 'f.quantity'
                                       ELSE 'NULL' END;
  i integer;
  withheld bigint;
  failing bigint;
BEGIN
  SELECT array_agg(d.dimension ORDER BY d.dimension <> 'none', d.dimension),
         array_agg(d.expr ORDER BY d.dimension <> 'none', d.dimension)
  INTO dims, exprs
  FROM app_aggregate_dimensions() d WHERE d.dataset = p_dataset AND d.dimension <> 'month';
  DROP TABLE IF EXISTS pg_temp.release_facts;
  CREATE TEMP TABLE release_facts (customer_key text, d text[], amount numeric, quantity numeric,
                                   live boolean NOT NULL DEFAULT true) ON COMMIT DROP;
  -- a null group is kept apart from every value by chr(1), which no feed value is
  EXECUTE format($q$
    INSERT INTO pg_temp.release_facts (customer_key, d, amount, quantity)
    SELECT f.customer_key, ARRAY[%s], (%s)::numeric, (%s)::numeric
    FROM %I f
    WHERE f.network_id = $1 AND f.firm_id = $2
      AND f.%I >= $3::timestamp AT TIME ZONE 'UTC' AND f.%I < ($3 + interval '1 month')::timestamp AT TIME ZONE 'UTC'
  $q$,
    (SELECT string_agg(format('coalesce((%s)::text, chr(1))', e), ', ' ORDER BY n) FROM unnest(exprs) WITH ORDINALITY u(e, n)),
    amount_expr, quantity_expr, p_dataset::text, app_dataset_time_column(p_dataset), app_dataset_time_column(p_dataset))
  USING p_network, p_owner, p_month;
  LOOP
    withheld := 0;
    FOR i IN 1 .. array_length(dims, 1) LOOP
      -- a customer holding more than the dominance share of a group of k or more is withheld from it
      EXECUTE format($q$
        WITH per AS (
          SELECT d[%1$s] AS grp, customer_key, sum(abs(amount)) AS a, sum(abs(quantity)) AS q
          FROM pg_temp.release_facts WHERE live GROUP BY 1, 2
        ), dominant AS (
          SELECT grp, customer_key FROM (
            SELECT grp, customer_key, count(*) OVER w >= $2 AND (a > $1 * sum(a) OVER w OR q > $1 * sum(q) OVER w)
                   AS dominates
            FROM per WINDOW w AS (PARTITION BY grp)
          ) x WHERE dominates
        )
        UPDATE pg_temp.release_facts f SET live = false
        FROM dominant x WHERE f.live AND f.d[%1$s] = x.grp AND f.customer_key = x.customer_key
      $q$, i) USING dominance, p_k;
      GET DIAGNOSTICS failing = ROW_COUNT;
      withheld := withheld + failing;
      -- groups under k pool into one; a pool under k is withheld, and a customer dominating it too
      EXECUTE format($q$
        WITH per AS (
          SELECT d[%1$s] AS grp, customer_key, sum(abs(amount)) AS a, sum(abs(quantity)) AS q
          FROM pg_temp.release_facts WHERE live GROUP BY 1, 2
        ), small AS (
          SELECT grp FROM per GROUP BY grp HAVING count(*) < $1
        ), pooled AS (
          SELECT p.customer_key, sum(p.a) AS a, sum(p.q) AS q FROM per p JOIN small USING (grp) GROUP BY 1
        ), out AS (
          SELECT c.customer_key FROM pooled c
          WHERE (SELECT count(*) FROM pooled) < $1
             OR c.a > $2 * (SELECT sum(a) FROM pooled) OR c.q > $2 * (SELECT sum(q) FROM pooled)
        )
        UPDATE pg_temp.release_facts f SET live = false
        FROM small s, out o WHERE f.live AND f.d[%1$s] = s.grp AND f.customer_key = o.customer_key
      $q$, i) USING p_k, dominance;
      GET DIAGNOSTICS failing = ROW_COUNT;
      withheld := withheld + failing;
    END LOOP;
    EXIT WHEN withheld = 0;
  END LOOP;
  INSERT INTO aggregate_releases (network_id, owner_firm_id, dataset, min_group_size, month)
  VALUES (p_network, p_owner, p_dataset, p_k, p_month);
  FOR i IN 1 .. array_length(dims, 1) LOOP
    EXECUTE format($q$
      INSERT INTO aggregate_release_cells (network_id, owner_firm_id, dataset, min_group_size, month, dimension,
                                           grp, pooled, customers, row_count, amount, quantity)
      WITH per AS (
        SELECT d[%1$s] AS grp, customer_key, count(*) AS n, sum(amount) AS amount, sum(quantity) AS quantity
        FROM pg_temp.release_facts WHERE live GROUP BY 1, 2
      ), g AS (
        SELECT grp, count(*) AS customers, sum(n) AS n, sum(amount) AS amount, sum(quantity) AS quantity,
               count(*) >= $1 AS ok
        FROM per GROUP BY grp
      )
      SELECT $2, $3, $4, $1, $5, %2$L, nullif(grp, chr(1)), false, customers, n, amount, quantity FROM g WHERE ok
      UNION ALL
      SELECT $2, $3, $4, $1, $5, %2$L, NULL, true, count(DISTINCT p.customer_key), sum(p.n), sum(p.amount),
             sum(p.quantity)
      FROM per p JOIN g USING (grp) WHERE NOT g.ok HAVING count(*) > 0
    $q$, i, dims[i]) USING p_k, p_network, p_owner, p_dataset, p_month;
  END LOOP;
END
$$;
--> statement-breakpoint
-- Bring one reader's answers of one owner's dataset up to the last releasable month: each month after
-- the last one answered (from the owner's first month, for a new reader) is released at k unless a
-- release at that k exists, and entered in the ledger at that k.
CREATE FUNCTION app_release_for_reader(p_network uuid, p_owner uuid, p_reader uuid, p_dataset dataset, p_k integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  through date := app_release_through();
  first_month date;
  m date;
BEGIN
  SELECT (max(r.month) + interval '1 month')::date INTO first_month FROM aggregate_release_reads r
  WHERE r.network_id = p_network AND r.owner_firm_id = p_owner AND r.reader_firm_id = p_reader
    AND r.dataset = p_dataset;
  IF first_month IS NULL THEN
    EXECUTE format('SELECT date_trunc(''month'', min(f.%I) AT TIME ZONE ''UTC'')::date FROM %I f
                    WHERE f.network_id = $1 AND f.firm_id = $2', app_dataset_time_column(p_dataset), p_dataset::text)
    INTO first_month USING p_network, p_owner;
  END IF;
  IF first_month IS NULL OR first_month > through THEN
    RETURN;
  END IF;
  FOR m IN SELECT generate_series(first_month, through, interval '1 month')::date LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended(concat_ws('/', 'release', p_network, p_owner, p_dataset, p_k, m), 0));
    IF NOT EXISTS (SELECT 1 FROM aggregate_releases a
                   WHERE a.network_id = p_network AND a.owner_firm_id = p_owner AND a.dataset = p_dataset
                     AND a.min_group_size = p_k AND a.month = m) THEN
      PERFORM app_release_month(p_network, p_owner, p_dataset, p_k, m);
    END IF;
    INSERT INTO aggregate_release_reads (network_id, owner_firm_id, reader_firm_id, dataset, month, min_group_size)
    VALUES (p_network, p_owner, p_reader, p_dataset, m, p_k) ON CONFLICT DO NOTHING;
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_release_month(uuid, uuid, dataset, integer, date),
  app_release_for_reader(uuid, uuid, uuid, dataset, integer) FROM PUBLIC;
--> statement-breakpoint
DROP FUNCTION app_aggregate(dataset, uuid, text);
--> statement-breakpoint
-- The one aggregate-query layer: per owner firm and group of one whitelisted dimension. The acting
-- firm's own data and customer-level grants are grouped live; aggregate-level grants are answered from
-- the reader's released months (above), summed over them: customers are distinct within each month
-- and added over months. released_through is the last month in the figures (null for live data).
CREATE FUNCTION app_aggregate(p_dataset dataset, p_network uuid, p_dimension text)
RETURNS TABLE (owner_firm_id uuid, min_group_size integer, grp text, pooled boolean, customers bigint,
               row_count bigint, amount numeric, quantity numeric, released_through date)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  dimension text;
  amount_expr text := CASE p_dataset WHEN 'transactions' THEN 'f.net_amount' WHEN 'shipments' THEN 'f.cost_amount'
                                     ELSE 'NULL' END;
  quantity_expr text := CASE p_dataset WHEN 'transactions' THEN 'f.quantity' WHEN 'activities' THEN 'f.quantity'
                                       ELSE 'NULL' END;
  g record;
BEGIN
  IF NOT app_is_network_member(p_network) THEN
    RAISE EXCEPTION 'not an active member of network %', p_network USING ERRCODE = '42501';
  END IF;
  SELECT d.expr INTO dimension FROM app_aggregate_dimensions() d
  WHERE d.dataset = p_dataset AND d.dimension = p_dimension;
  IF dimension IS NULL THEN
    RAISE EXCEPTION 'unknown dimension % for %', p_dimension, p_dataset USING ERRCODE = '22023';
  END IF;
  FOR g IN SELECT a.owner_firm_id, a.min_group_size FROM app_aggregate_grants(p_dataset) a
           WHERE a.network_id = p_network AND a.min_group_size > 1 LOOP
    PERFORM app_release_for_reader(p_network, g.owner_firm_id, app_firm_id(), p_dataset, g.min_group_size);
  END LOOP;
  RETURN QUERY EXECUTE format($query$
    WITH live AS (
      SELECT app_firm_id() AS owner_firm_id
      UNION
      SELECT a.owner_firm_id FROM app_aggregate_grants(%1$L) a WHERE a.network_id = $1 AND a.min_group_size = 1
    ),
    released AS (
      SELECT r.owner_firm_id, r.month, r.min_group_size, max(r.month) OVER (PARTITION BY r.owner_firm_id) AS through
      FROM aggregate_release_reads r
      JOIN app_aggregate_grants(%1$L) a ON a.network_id = r.network_id AND a.owner_firm_id = r.owner_firm_id
      WHERE r.network_id = $1 AND r.reader_firm_id = app_firm_id() AND r.dataset = %1$L AND a.min_group_size > 1
    )
    SELECT f.firm_id, 1, (%2$s)::text, false, count(DISTINCT f.customer_key), count(*), sum((%3$s)::numeric),
           sum((%4$s)::numeric), NULL::date
    FROM %5$I f JOIN live l ON l.owner_firm_id = f.firm_id
    WHERE f.network_id = $1
    GROUP BY 1, 3
    UNION ALL
    SELECT r.owner_firm_id, min(r.min_group_size)::integer,
           CASE %6$L WHEN 'month' THEN to_char(c.month, 'YYYY-MM') ELSE c.grp END, c.pooled, sum(c.customers)::bigint,
           sum(c.row_count)::bigint, sum(c.amount), sum(c.quantity), max(r.through)
    FROM released r
    JOIN aggregate_release_cells c
      ON c.network_id = $1 AND c.owner_firm_id = r.owner_firm_id AND c.dataset = %1$L
     AND c.min_group_size = r.min_group_size AND c.month = r.month
     AND c.dimension = CASE %6$L WHEN 'month' THEN 'none' ELSE %6$L END
    GROUP BY 1, 3, 4
    ORDER BY 1, 4, 3 NULLS LAST
  $query$, p_dataset, dimension, amount_expr, quantity_expr, p_dataset::text, p_dimension) USING p_network;
END
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION app_aggregate(dataset, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_aggregate(dataset, uuid, text) TO accord_app;
