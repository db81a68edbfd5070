ALTER TABLE "audit_log" ADD COLUMN "tag" text;--> statement-breakpoint
UPDATE "audit_log" SET "tag" = 'legacy:' || "id";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_tag_uq" ON "audit_log" USING btree ("tag");--> statement-breakpoint
ALTER TABLE "request_events" ADD COLUMN "tag" text;--> statement-breakpoint
ALTER TABLE "request_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "request_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "request_events" ADD COLUMN "hash" text;--> statement-breakpoint
UPDATE "request_events" SET "tag" = 'legacy:' || "id";--> statement-breakpoint
CREATE UNIQUE INDEX "request_events_tag_uq" ON "request_events" USING btree ("tag");--> statement-breakpoint
CREATE UNIQUE INDEX "request_events_chain_seq_uq" ON "request_events" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "request_events_unsealed_idx" ON "request_events" USING btree ("id") WHERE chain_seq IS NULL;--> statement-breakpoint
CREATE TABLE "chain_tombstones" (
	"chain" text NOT NULL,
	"chain_seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"mac" text NOT NULL,
	"at" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "chain_tombstones_chain_chain_seq_pk" PRIMARY KEY("chain","chain_seq")
);
