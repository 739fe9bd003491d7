-- While a feed body arrives, the API process receiving it beats on its batch; a retry of the same
-- Idempotency-Key finding the beat long past takes the upload over (the process died mid-upload).
ALTER TABLE "feed_batches" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;
