/**
 * Duplicate-request detection for 条例 Art.36(六): "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请
 * 公开相同政府信息的，告知申请人不予重复处理" (outcome `not_processed_duplicate`). The core only measures how close
 * two request descriptions are; the service finds the same applicant's earlier requests and shows the handler the
 * likely duplicates, who decides.
 */

/** Default threshold of `isLikelyDuplicate`. */
export const DUPLICATE_THRESHOLD = 0.8;

/**
 * Normalises a request description for comparison: Unicode NFKC (full-width → half-width), lower case, and
 * removal of whitespace, punctuation and symbols (Chinese and Latin), so that "关于2024年 预算的公开。" and
 * "关于２０２４年预算的公开" compare equal.
 */
export function normaliseDescription(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * Similarity of two request descriptions in [0, 1]: the Sørensen–Dice coefficient over character bigrams (as
 * multisets) of the normalised texts, 2·|A∩B| / (|A|+|B|). Character bigrams suit Chinese, which has no spaces.
 * Identical normalised texts give 1 (also when shorter than two characters); an empty text against a non-empty
 * one gives 0. Used for Art.36(六) 重复申请 detection.
 */
export function similarity(a: string, b: string): number {
  const na = normaliseDescription(a);
  const nb = normaliseDescription(b);
  if (na === nb) return na.length === 0 ? 0 : 1;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let sizeA = 0;
  let sizeB = 0;
  for (const n of ga.values()) sizeA += n;
  for (const n of gb.values()) sizeB += n;
  if (sizeA + sizeB === 0) return 0;
  let common = 0;
  for (const [g, n] of ga) {
    const m = gb.get(g);
    if (m !== undefined) common += Math.min(n, m);
  }
  return (2 * common) / (sizeA + sizeB);
}

/**
 * Whether two descriptions are likely the same request (similarity ≥ `threshold`, default 0.8) — a candidate
 * for 不予重复处理 under 条例 Art.36(六) when the earlier one, by the same applicant, has been answered.
 * A hint only: on short texts one different word still scores above 0.8 (2023年度部门预算 vs 决算 ≈ 0.85, and
 * 2023 vs 2024 likewise), so the handler must look at the earlier request before closing as 重复申请.
 */
export function isLikelyDuplicate(a: string, b: string, threshold: number = DUPLICATE_THRESHOLD): boolean {
  return similarity(a, b) >= threshold;
}

/**
 * The earlier requests whose description is likely the same as `description` (Art.36(六)), most similar
 * first. `earlier` would be the same applicant's requests; `id` is whatever the caller uses to find them.
 */
export function findLikelyDuplicates<T extends { id: string; description: string }>(
  description: string,
  earlier: readonly T[],
  threshold: number = DUPLICATE_THRESHOLD,
): { item: T; similarity: number }[] {
  const out: { item: T; similarity: number }[] = [];
  for (const item of earlier) {
    const s = similarity(description, item.description);
    if (s >= threshold) out.push({ item, similarity: s });
  }
  return out.sort((x, y) => y.similarity - x.similarity);
}
