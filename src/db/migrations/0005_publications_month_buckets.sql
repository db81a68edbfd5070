ALTER TABLE "publications" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, search_title), 'A') || to_tsvector('simple'::regconfig, search_text || coalesce(' m' || (extract(year from published_on) * 100 + extract(month from published_on))::int::text, ''))) STORED;--> statement-breakpoint
ALTER TABLE "publications" drop column "title_vector";--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_title || coalesce(' m' || (extract(year from published_on) * 100 + extract(month from published_on))::int::text, ''))) STORED;--> statement-breakpoint
-- Dropping the columns dropped their GIN indexes: build them again (same definitions as in 0003).
CREATE INDEX "publications_public_search_idx" ON "publications" USING gin ("search_vector") WHERE state = 'published';--> statement-breakpoint
CREATE INDEX "publications_public_title_idx" ON "publications" USING gin ("title_vector") WHERE state = 'published';
