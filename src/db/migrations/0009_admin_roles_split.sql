ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- 三员分立: the old first-start account held 系统管理员 + 安全管理员; it keeps 系统管理员 (the security admin account
-- is created on the next start, its password printed once). The change is kept for the start-up to audit and print.
INSERT INTO "settings" ("key", "value")
SELECT 'roles_split_0009', jsonb_agg(jsonb_build_object('username', "username", 'before', "roles", 'after',
  CASE WHEN "roles" @> '["admin","security_admin"]'::jsonb AND jsonb_array_length("roles") = 2 THEN '["admin"]'::jsonb ELSE '[]'::jsonb END))
FROM "users"
WHERE "roles" ?| ARRAY['admin','security_admin','auditor'] AND jsonb_array_length("roles") > 1
HAVING count(*) > 0;--> statement-breakpoint
-- Every other account mixing an administrator role with another role loses its roles (nobody can tell which duty
-- was meant; the security admin assigns them again).
UPDATE "users" SET "roles" = CASE WHEN "roles" @> '["admin","security_admin"]'::jsonb AND jsonb_array_length("roles") = 2 THEN '["admin"]'::jsonb ELSE '[]'::jsonb END
WHERE "roles" ?| ARRAY['admin','security_admin','auditor'] AND jsonb_array_length("roles") > 1;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_admin_role_alone" CHECK (NOT ("users"."roles" ?| ARRAY['admin','security_admin','auditor']) OR jsonb_array_length("users"."roles") = 1);
