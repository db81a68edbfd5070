-- Case results stored as labels (the demo inserted 维持/撤销…) were counted as 其他结果: store their codes.
UPDATE "cases" SET "result" = CASE btrim("result")
	WHEN '维持' THEN 'upheld' WHEN '驳回' THEN 'dismissed' WHEN '撤销' THEN 'revoked' WHEN '部分撤销' THEN 'partly_revoked'
	WHEN '变更' THEN 'varied' WHEN '确认违法' THEN 'confirmed_illegal' WHEN '确认无效' THEN 'confirmed_invalid'
	WHEN '责令履行' THEN 'ordered_to_perform' WHEN '不予受理' THEN 'not_accepted' WHEN '终止' THEN 'terminated'
	WHEN '中止' THEN 'suspended' WHEN '撤诉' THEN 'withdrawn' WHEN '和解' THEN 'settled' WHEN '其他' THEN 'other' END
WHERE btrim("result") IN ('维持', '驳回', '撤销', '部分撤销', '变更', '确认违法', '确认无效', '责令履行', '不予受理', '终止', '中止', '撤诉', '和解', '其他');
--> statement-breakpoint
CREATE TABLE "annual_report_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"format" text NOT NULL,
	"title" text NOT NULL,
	"html" text NOT NULL,
	"report" jsonb NOT NULL,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"correction_note" text,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"approved_by" integer,
	"returned_reason" text,
	"published_on" date,
	"published_by" integer,
	"superseded_on" date,
	"withdrawn_on" date,
	"withdrawn_reason" text
);
--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_versions_year_version_idx" ON "annual_report_versions" USING btree ("year","version");
--> statement-breakpoint
-- Reports published before versions existed become version 1 of their year.
INSERT INTO "annual_report_versions" ("year", "version", "state", "format", "title", "html", "report", "published_on", "published_by", "submitted_at")
SELECT "year", 1, 'published', "format", "title", "html", "report", "published_on", "published_by", "published_at" FROM "published_reports";
