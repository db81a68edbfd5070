CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"publication_id" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"publication_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"on" date NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"cluster_key" text NOT NULL,
	"request_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"publication_id" integer,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"index_no" text,
	"title" text NOT NULL,
	"doc_number" text,
	"issuer" text NOT NULL,
	"written_on" date,
	"formed_on" date NOT NULL,
	"published_on" date,
	"withdrawn_on" date,
	"category_id" integer,
	"topic" text,
	"disclosure_mode" text DEFAULT '主动公开' NOT NULL,
	"summary" text,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"search_title" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, search_title), 'A') || to_tsvector('simple'::regconfig, search_text)) STORED,
	"validity" text DEFAULT 'effective' NOT NULL,
	"validity_changed_on" date,
	"normative_kind" text,
	"channels" jsonb DEFAULT '["website"]'::jsonb NOT NULL,
	"interprets_id" integer,
	"sync_waiver_reason" text,
	"department_id" integer,
	"state" text NOT NULL,
	"source" text DEFAULT 'workbench' NOT NULL,
	"source_request_ids" jsonb,
	"created_by" integer,
	"event_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_categories" ADD CONSTRAINT "catalogue_categories_parent_id_catalogue_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."catalogue_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_sections" ADD CONSTRAINT "guide_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_events" ADD CONSTRAINT "publication_events_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_events" ADD CONSTRAINT "publication_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_suggestions" ADD CONSTRAINT "publication_suggestions_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_suggestions" ADD CONSTRAINT "publication_suggestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_category_id_catalogue_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalogue_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_interprets_id_publications_id_fk" FOREIGN KEY ("interprets_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_publication_idx" ON "attachments" USING btree ("publication_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_categories_code_uq" ON "catalogue_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalogue_categories_parent_idx" ON "catalogue_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_events_seq_uq" ON "publication_events" USING btree ("publication_id","seq");--> statement-breakpoint
CREATE INDEX "publication_events_type_on_idx" ON "publication_events" USING btree ("type","on");--> statement-breakpoint
CREATE UNIQUE INDEX "publication_suggestions_key_uq" ON "publication_suggestions" USING btree ("cluster_key");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_index_no_uq" ON "publications" USING btree ("index_no");--> statement-breakpoint
CREATE INDEX "publications_state_published_idx" ON "publications" USING btree ("state","published_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "publications_category_idx" ON "publications" USING btree ("category_id","published_on");--> statement-breakpoint
CREATE INDEX "publications_issuer_idx" ON "publications" USING btree ("issuer");--> statement-breakpoint
CREATE INDEX "publications_state_formed_idx" ON "publications" USING btree ("state","formed_on");--> statement-breakpoint
CREATE INDEX "publications_interprets_idx" ON "publications" USING btree ("interprets_id");--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin ("search_vector");