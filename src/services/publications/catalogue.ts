import { asc, eq, sql } from 'drizzle-orm';
import { catalogueCategories, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { isValidCategoryCode } from '../../core/publications/index-number.js';
import { CATALOGUE_61, catalogueCodeForText, type CatalogueNodeDef } from '../../core/publications/catalogue-61.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { cachedPublic, invalidatePublicCache } from './public-cache.js';

/**
 * 政府信息公开目录 (条例 Art.12 ¶3: "政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容"): the category tree
 * under which items are filed and browsed. The default tree is the one of 国办公开办函〔2019〕61号 with 法定主动公开内容 by
 * 条例 Art.20's items (core/publications/catalogue-61.ts); migration 0011 folded earlier trees into it.
 */
export const DEFAULT_CATALOGUE: readonly CatalogueNodeDef[] = CATALOGUE_61;

export interface CategoryNode {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  sortOrder: number;
  description: string | null;
  active: boolean;
  /** Published items in this category and its sub-categories (public tree only). */
  count?: number;
  children: CategoryNode[];
}

export type CategoryRow = typeof catalogueCategories.$inferSelect;

/** Creates the default catalogue when there is none yet. Returns the number of categories created. */
export async function ensureDefaultCatalogue(db: Executor): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(catalogueCategories);
  if (n > 0) return 0;
  invalidatePublicCache();
  const ids = new Map<string, number>();
  let order = 0;
  for (const c of DEFAULT_CATALOGUE) {
    const [row] = await db.insert(catalogueCategories).values({ code: c.code, name: c.name, parentId: c.parent ? ids.get(c.parent)! : null, sortOrder: order++, description: c.description ?? null })
      .onConflictDoNothing().returning({ id: catalogueCategories.id });
    if (row) ids.set(c.code, row.id);
  }
  return ids.size;
}

export async function listCategoryRows(db: Executor): Promise<CategoryRow[]> {
  return db.select().from(catalogueCategories).orderBy(asc(catalogueCategories.sortOrder), asc(catalogueCategories.code));
}

/** Builds the tree from flat rows (children sorted by sortOrder then code); orphans become roots. */
export function buildCategoryTree(rows: readonly CategoryRow[], counts?: Map<number, number>): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>(rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, parentId: r.parentId, sortOrder: r.sortOrder, description: r.description, active: r.active, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId !== null ? nodes.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const sort = (list: CategoryNode[]) => { list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)); list.forEach((c) => sort(c.children)); };
  sort(roots);
  if (counts) {
    const total = (n: CategoryNode): number => (n.count = (counts.get(n.id) ?? 0) + n.children.reduce((s, c) => s + total(c), 0));
    roots.forEach(total);
  }
  return roots;
}

/** Ids of a category and all its descendants. */
export function subtreeIds(rows: readonly CategoryRow[], rootId: number): number[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parentId === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}

/** Staff view of the catalogue (creates the default tree on first use). */
export async function getCatalogue(ctx: ServiceContext): Promise<CategoryNode[]> {
  requireRole(ctx.actor, 'publisher', 'secrecy_reviewer', 'reviewer', 'auditor', 'admin');
  await ensureDefaultCatalogue(ctx.db);
  return buildCategoryTree(await listCategoryRows(ctx.db));
}

/** Public catalogue (Art.12): active categories with the number of published items in each. */
export async function getPublicCatalogue(db: Executor): Promise<CategoryNode[]> {
  return cachedPublic('catalogue', () => loadPublicCatalogue(db));
}

async function loadPublicCatalogue(db: Executor): Promise<CategoryNode[]> {
  const rows = (await listCategoryRows(db)).filter((r) => r.active);
  const counted = await db.select({ categoryId: publications.categoryId, n: sql<number>`count(*)::int` }).from(publications)
    .where(eq(publications.state, 'published')).groupBy(publications.categoryId);
  const counts = new Map(counted.filter((c) => c.categoryId !== null).map((c) => [c.categoryId!, c.n]));
  return buildCategoryTree(rows, counts);
}

export interface CategoryInput { code: string; name: string; parentId?: number | null; sortOrder?: number; description?: string | null; active?: boolean }

function validateCategory(input: Partial<CategoryInput>): void {
  const problems: { field: string; message: string }[] = [];
  if (input.code !== undefined && !isValidCategoryCode(input.code)) problems.push({ field: 'code', message: '目录编码应为1–12位字母或数字（用于索引号）' });
  if (input.name !== undefined && !input.name.trim()) problems.push({ field: 'name', message: '请填写目录名称' });
  if (problems.length) throw new DomainError('VALIDATION', problems.map((p) => p.message).join('；'), { problems });
}

async function assertCodeFree(db: Executor, code: string, exceptId?: number): Promise<void> {
  const [dup] = await db.select({ id: catalogueCategories.id }).from(catalogueCategories).where(eq(catalogueCategories.code, code));
  if (dup && dup.id !== exceptId) throw new DomainError('CONFLICT', `目录编码 ${code} 已被使用，请换一个编码`);
}

async function assertParent(db: Executor, parentId: number | null | undefined, selfId?: number): Promise<void> {
  if (parentId === null || parentId === undefined) return;
  const rows = await listCategoryRows(db);
  if (!rows.some((r) => r.id === parentId)) throw new DomainError('VALIDATION', `上级目录 ${parentId} 不存在`);
  if (selfId !== undefined && subtreeIds(rows, selfId).includes(parentId)) throw new DomainError('VALIDATION', '不能把目录移到它自己或它的下级目录之下');
}

/** Use case: the publisher adds a catalogue category (Art.12: the catalogue is kept up to date). */
export async function createCategory(ctx: ServiceContext, input: CategoryInput): Promise<CategoryRow> {
  const actor = requireRole(ctx.actor, 'publisher');
  validateCategory(input);
  return ctx.db.transaction(async (tx) => {
    await assertCodeFree(tx, input.code);
    await assertParent(tx, input.parentId);
    const [row] = await tx.insert(catalogueCategories).values({ code: input.code, name: input.name.trim(), parentId: input.parentId ?? null, sortOrder: input.sortOrder ?? 0, description: input.description ?? null, active: input.active ?? true }).returning();
    await appendAudit(tx, actor, { action: 'catalogue.created', targetType: 'catalogue_category', targetId: row.id, detail: { code: row.code, name: row.name } }, ctx.ip ?? null, ctx.now);
    invalidatePublicCache();
    return row;
  });
}

/** Use case: rename, move, reorder or deactivate a category. */
export async function updateCategory(ctx: ServiceContext, id: number, patch: Partial<CategoryInput>): Promise<CategoryRow> {
  const actor = requireRole(ctx.actor, 'publisher');
  validateCategory(patch);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(catalogueCategories).where(eq(catalogueCategories.id, id));
    if (!existing) throw new DomainError('NOT_FOUND', `目录 ${id} 不存在`);
    if (patch.code !== undefined) await assertCodeFree(tx, patch.code, id);
    await assertParent(tx, patch.parentId, id);
    const set = { ...(patch.code !== undefined && { code: patch.code }), ...(patch.name !== undefined && { name: patch.name.trim() }), ...(patch.parentId !== undefined && { parentId: patch.parentId }), ...(patch.sortOrder !== undefined && { sortOrder: patch.sortOrder }), ...(patch.description !== undefined && { description: patch.description }), ...(patch.active !== undefined && { active: patch.active }), updatedAt: new Date() };
    const [row] = await tx.update(catalogueCategories).set(set).where(eq(catalogueCategories.id, id)).returning();
    await appendAudit(tx, actor, { action: 'catalogue.updated', targetType: 'catalogue_category', targetId: id, detail: patch }, ctx.ip ?? null, ctx.now);
    invalidatePublicCache();
    return row;
  });
}

/**
 * Finds a category by code, 61号 name (法定主动公开内容/行政处罚和行政强制) or a name other portals use for a node of the 61号
 * tree ("行政处罚", "财政信息/预决算", "通知公告": core/publications/catalogue-61.ts), so that imported items land in the one
 * tree; otherwise by name or path ("专项工作/河长制"), creating the missing categories (an office's own columns).
 * `cache` maps the text to the id within one import.
 */
export async function resolveCategoryForImport(tx: Executor, text: string, cache: Map<string, number>): Promise<number> {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  await ensureDefaultCatalogue(tx);
  const rows = await listCategoryRows(tx);
  const byCode = rows.find((r) => r.code === text);
  if (byCode) { cache.set(text, byCode.id); return byCode.id; }
  const code61 = catalogueCodeForText(text);
  const node61 = code61 === null ? undefined : rows.find((r) => r.code === code61 && r.active);
  if (node61) { cache.set(text, node61.id); return node61.id; }
  const parts = text.split(/\s*(?:\/|>|＞|》|\\)\s*/).map((p) => p.trim()).filter(Boolean);
  let parentId: number | null = null;
  for (const name of parts) {
    const found: CategoryRow | undefined = rows.find((r) => r.name === name && (parts.length === 1 ? true : r.parentId === parentId));
    if (found) { parentId = found.id; continue; }
    let n = rows.length + 1;
    let code = `M${String(n).padStart(3, '0')}`;
    while (rows.some((r) => r.code === code)) code = `M${String(++n).padStart(3, '0')}`;
    const [created]: CategoryRow[] = await tx.insert(catalogueCategories).values({ code, name, parentId, sortOrder: 900 + n }).returning();
    rows.push(created);
    parentId = created.id;
  }
  cache.set(text, parentId!);
  return parentId!;
}
