ALTER TABLE "customer_features" DROP CONSTRAINT "customer_features_snapshot_id_feature_snapshots_id_fk";
--> statement-breakpoint
-- In place of the foreign key's cascade: the features of deleted snapshots go with them, in one
-- statement per delete. Deleting a snapshot is allowed by its own policy; its features are the same
-- firm's, hence SECURITY DEFINER (as the cascade ran as the owner).
CREATE FUNCTION app_drop_snapshot_features() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM customer_features f USING dropped d WHERE f.network_id = d.network_id AND f.snapshot_id = d.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER feature_snapshots_drop_features AFTER DELETE ON feature_snapshots
  REFERENCING OLD TABLE AS dropped FOR EACH STATEMENT EXECUTE FUNCTION app_drop_snapshot_features();
--> statement-breakpoint
-- features left by snapshots deleted before now, if any
DELETE FROM customer_features f WHERE NOT EXISTS (SELECT 1 FROM feature_snapshots s WHERE s.id = f.snapshot_id);
