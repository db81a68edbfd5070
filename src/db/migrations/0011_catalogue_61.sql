-- 0011: one 政府信息公开目录 tree following 国办公开办函〔2019〕61号 (src/core/publications/catalogue-61.ts):
-- 政府信息公开指南 / 政府信息公开制度 / 法定主动公开内容 (条例第二十条各项、第二十一条) / 政府信息公开年报.
-- Existing categories are folded into it: the old default tree by code and name, categories created by imports
-- (e.g. the demo's 通知公告, 办事指南, 行政处罚, 财政信息/预决算) by name; their items move with them; an office's own
-- categories that match nothing are kept under 法定主动公开内容. 索引号 already given are never changed.
CREATE TEMP TABLE gk_cat61 (code text PRIMARY KEY, name text NOT NULL, parent text, sort integer NOT NULL, description text);--> statement-breakpoint
INSERT INTO gk_cat61 (code, name, parent, sort, description) VALUES
  ('01', '政府信息公开指南', NULL, 0, '条例第十二条：政府信息公开指南（分类、编排体系、获取方式，工作机构的名称、地址、时间、电话等）'),
  ('02', '政府信息公开制度', NULL, 1, '本机关政府信息公开工作制度（条例第四条、第十七条等）'),
  ('03', '法定主动公开内容', NULL, 2, '条例第二十条、第二十一条及其他法律法规规定应当主动公开的政府信息'),
  ('0301', '规章和规范性文件', '03', 3, '条例第二十条第（一）项：行政法规、规章和规范性文件'),
  ('030101', '规章', '0301', 4, NULL),
  ('030102', '行政规范性文件', '0301', 5, NULL),
  ('030103', '其他文件', '0301', 6, NULL),
  ('030104', '政策解读', '0301', 7, '与规范性文件同步公开的政策解读（三同步）'),
  ('0302', '机关职能', '03', 8, '条例第二十条第（二）项：机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'),
  ('0303', '规划计划', '03', 9, '条例第二十条第（三）项：国民经济和社会发展规划、专项规划、区域规划及相关政策'),
  ('0304', '统计信息', '03', 10, '条例第二十条第（四）项：国民经济和社会发展统计信息'),
  ('0305', '行政许可和其他对外管理服务', '03', 11, '条例第二十条第（五）项：办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'),
  ('0306', '行政处罚和行政强制', '03', 12, '条例第二十条第（六）项：实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定'),
  ('0307', '财政预决算', '03', 13, '条例第二十条第（七）项：财政预算、决算信息'),
  ('0308', '行政事业性收费', '03', 14, '条例第二十条第（八）项：行政事业性收费项目及其依据、标准'),
  ('0309', '政府集中采购', '03', 15, '条例第二十条第（九）项：政府集中采购项目的目录、标准及实施情况'),
  ('0310', '重大建设项目', '03', 16, '条例第二十条第（十）项：重大建设项目的批准和实施情况'),
  ('0311', '扶贫、教育、医疗、社会保障、促进就业', '03', 17, '条例第二十条第（十一）项：扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'),
  ('0312', '突发公共事件应对', '03', 18, '条例第二十条第（十二）项：突发公共事件的应急预案、预警信息及应对情况'),
  ('0313', '监督检查', '03', 19, '条例第二十条第（十三）项：环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'),
  ('0314', '公务员招考', '03', 20, '条例第二十条第（十四）项：公务员招考的职位、名额、报考条件等事项以及录用结果'),
  ('0315', '其他法定主动公开信息', '03', 21, '条例第二十条第（十五）项：法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'),
  ('0316', '本地重点领域信息', '03', 22, '条例第二十一条：市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息'),
  ('0317', '建议提案办理', '03', 23, '人大代表建议、政协委员提案的办理结果（按国家有关规定主动公开）'),
  ('04', '政府信息公开年报', NULL, 24, '条例第四十九条、第五十条：政府信息公开工作年度报告');--> statement-breakpoint
CREATE TEMP TABLE gk_cat_legacy (code text NOT NULL, name text NOT NULL, target text NOT NULL);--> statement-breakpoint
INSERT INTO gk_cat_legacy (code, name, target) VALUES
  ('10', '统计信息', '0304'),
  ('11', '突发公共事件应急', '0312'),
  ('12', '人事信息', '0314'),
  ('13', '建议提案办理', '0317'),
  ('14', '政府信息公开年度报告', '04'),
  ('99', '其他', '0315'),
  ('01', '机构职能', '0302'),
  ('02', '法规文件', '0301'),
  ('0201', '规章', '030101'),
  ('0202', '行政规范性文件', '030102'),
  ('0203', '其他文件', '030103'),
  ('03', '政策解读', '030104'),
  ('04', '规划计划', '0303'),
  ('05', '行政许可和对外管理服务', '0305'),
  ('06', '行政处罚和行政强制', '0306'),
  ('07', '财政预决算', '0307'),
  ('08', '行政事业性收费', '0308'),
  ('09', '政府集中采购', '0309');--> statement-breakpoint
CREATE TEMP TABLE gk_cat_alias (name text PRIMARY KEY, target text NOT NULL);--> statement-breakpoint
INSERT INTO gk_cat_alias (name, target) VALUES
  ('公开指南', '01'),
  ('政府信息公开指南', '01'),
  ('信息公开指南', '01'),
  ('公开制度', '02'),
  ('政府信息公开制度', '02'),
  ('信息公开制度', '02'),
  ('法定主动公开内容', '03'),
  ('法规文件', '0301'),
  ('政策文件', '0301'),
  ('规章和规范性文件', '0301'),
  ('文件', '0301'),
  ('规章', '030101'),
  ('政府规章', '030101'),
  ('规范性文件', '030102'),
  ('行政规范性文件', '030102'),
  ('其他文件', '030103'),
  ('通知公告', '030103'),
  ('通知', '030103'),
  ('公告', '030103'),
  ('政策解读', '030104'),
  ('机关职能', '0302'),
  ('机构职能', '0302'),
  ('机构设置', '0302'),
  ('机构概况', '0302'),
  ('领导信息', '0302'),
  ('规划计划', '0303'),
  ('计划规划', '0303'),
  ('发展规划', '0303'),
  ('规划信息', '0303'),
  ('统计信息', '0304'),
  ('统计数据', '0304'),
  ('行政许可', '0305'),
  ('办事指南', '0305'),
  ('行政许可和对外管理服务', '0305'),
  ('行政许可和其他对外管理服务', '0305'),
  ('政务服务', '0305'),
  ('行政处罚', '0306'),
  ('行政强制', '0306'),
  ('行政处罚和行政强制', '0306'),
  ('执法监察', '0306'),
  ('行政执法', '0306'),
  ('财政预决算', '0307'),
  ('预决算', '0307'),
  ('财政信息', '0307'),
  ('部门预决算', '0307'),
  ('财政预算决算', '0307'),
  ('行政事业性收费', '0308'),
  ('收费信息', '0308'),
  ('政府集中采购', '0309'),
  ('政府采购', '0309'),
  ('招标采购', '0309'),
  ('重大建设项目', '0310'),
  ('突发公共事件应急', '0312'),
  ('应急管理', '0312'),
  ('突发公共事件应对', '0312'),
  ('监督检查', '0313'),
  ('人事信息', '0314'),
  ('公务员招考', '0314'),
  ('人事招考', '0314'),
  ('其他法定主动公开信息', '0315'),
  ('其他', '0315'),
  ('建议提案办理', '0317'),
  ('建议提案', '0317'),
  ('本地重点领域信息', '0316'),
  ('土地征收', '0316'),
  ('征地信息', '0316'),
  ('征收信息', '0316'),
  ('年度报告', '04'),
  ('年报', '04'),
  ('政府信息公开年报', '04'),
  ('政府信息公开年度报告', '04'),
  ('政府信息公开工作年度报告', '04');--> statement-breakpoint
CREATE TEMP TABLE gk_cat_old AS SELECT "id", "code", "name", "parent_id" FROM "catalogue_categories";--> statement-breakpoint
CREATE TEMP TABLE gk_cat_map AS
  SELECT o."id" AS old_id, coalesce(l.target, a.target) AS target
  FROM gk_cat_old o
  LEFT JOIN gk_cat_legacy l ON l.code = o."code" AND l.name = o."name"
  LEFT JOIN gk_cat_alias a ON a.name = o."name"
  WHERE coalesce(l.target, a.target) IS NOT NULL;--> statement-breakpoint
UPDATE "catalogue_categories" SET "code" = 'X' || "code", "updated_at" = now() WHERE "code" IN (SELECT code FROM gk_cat61);--> statement-breakpoint
INSERT INTO "catalogue_categories" ("code", "name", "parent_id", "sort_order", "description")
  SELECT n.code, n.name, NULL, n.sort, n.description FROM gk_cat61 n WHERE n.parent IS NULL ORDER BY n.sort;--> statement-breakpoint
INSERT INTO "catalogue_categories" ("code", "name", "parent_id", "sort_order", "description")
  SELECT n.code, n.name, p."id", n.sort, n.description FROM gk_cat61 n JOIN "catalogue_categories" p ON p."code" = n.parent WHERE length(n.code) = 4 ORDER BY n.sort;--> statement-breakpoint
INSERT INTO "catalogue_categories" ("code", "name", "parent_id", "sort_order", "description")
  SELECT n.code, n.name, p."id", n.sort, n.description FROM gk_cat61 n JOIN "catalogue_categories" p ON p."code" = n.parent WHERE length(n.code) = 6 ORDER BY n.sort;--> statement-breakpoint
UPDATE "publications" p SET "category_id" = t."id"
  FROM gk_cat_map m, "catalogue_categories" t
  WHERE p."category_id" = m.old_id AND t."code" = CASE
    WHEN m.target IN ('0301', '030103') AND p."normative_kind" = 'normative' THEN '030102'
    WHEN m.target IN ('0301', '030103') AND p."normative_kind" = 'regulation' THEN '030101'
    ELSE m.target END;--> statement-breakpoint
UPDATE "catalogue_categories" c SET "parent_id" = t."id", "updated_at" = now()
  FROM gk_cat_map m JOIN "catalogue_categories" t ON t."code" = m.target
  WHERE c."parent_id" = m.old_id AND c."id" NOT IN (SELECT old_id FROM gk_cat_map);--> statement-breakpoint
UPDATE "catalogue_categories" c SET "parent_id" = (SELECT "id" FROM "catalogue_categories" WHERE "code" = '03'), "updated_at" = now()
  WHERE c."parent_id" IS NULL AND c."id" IN (SELECT "id" FROM gk_cat_old) AND c."id" NOT IN (SELECT old_id FROM gk_cat_map);--> statement-breakpoint
DELETE FROM "catalogue_categories" WHERE "id" IN (SELECT old_id FROM gk_cat_map);--> statement-breakpoint
DROP TABLE gk_cat_map, gk_cat_old, gk_cat_alias, gk_cat_legacy, gk_cat61;
