CREATE TABLE "published_reports" (
	"year" integer PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"title" text NOT NULL,
	"html" text NOT NULL,
	"report" jsonb NOT NULL,
	"published_on" date NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_reports" ADD CONSTRAINT "published_reports_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;