DROP INDEX "publications_search_idx";--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_title)) STORED;--> statement-breakpoint
CREATE INDEX "publications_doc_number_idx" ON "publications" USING btree ("doc_number");--> statement-breakpoint
CREATE INDEX "publications_public_search_idx" ON "publications" USING gin ("search_vector") WHERE state = 'published';--> statement-breakpoint
CREATE INDEX "publications_public_title_idx" ON "publications" USING gin ("title_vector") WHERE state = 'published';