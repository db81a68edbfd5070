import type { IsoDate } from '../types.js';
import { QUERY_STOP_WORDS, isSearchToken } from './search-text.js';

/**
 * 条例 Art.44 ¶1: "多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入
 * 主动公开的范围。" Gongkai groups request descriptions that ask for the same information (TF-IDF over segmented
 * words, cosine similarity, single-link grouping above a threshold) and suggests the groups where several distinct
 * applicants asked and at least one request was answered with disclosure (so the information "属于可以公开的").
 */
export interface RequestForClustering {
  id: number;
  /** Identifies the applicant (ID-number hash, or name): several requests by one person count once. */
  applicantKey: string;
  /** Segmented words of the description (jieba search mode). */
  tokens: readonly string[];
  /** Outcome was 予以公开 / 部分公开 / 已主动公开 (the information can be disclosed). */
  disclosed: boolean;
  receivedOn: IsoDate | null;
  description: string;
}

export interface RequestCluster {
  requestIds: number[];
  applicantCount: number;
  disclosedCount: number;
  /** Most characteristic words of the group, by summed TF-IDF weight. */
  topTerms: string[];
  /** The request closest to all others (its description is the suggested title). */
  representativeId: number;
  firstReceivedOn: IsoDate | null;
  lastReceivedOn: IsoDate | null;
}

export interface ClusterOptions {
  /** Cosine similarity at or above which two descriptions ask for the same information (0–1). */
  threshold?: number;
  /** Distinct applicants needed ("多个申请人": at least 2). */
  minApplicants?: number;
  /** Only groups with a disclosed request ("属于可以公开的"). */
  requireDisclosed?: boolean;
}

/** Generic words of request descriptions that say nothing about which information is wanted. */
export const REQUEST_BOILERPLATE: ReadonlySet<string> = new Set([
  '申请', '公开', '政府', '信息', '政府信息', '请求', '要求', '提供', '获取', '相关', '有关', '文件', '资料', '本人',
  '贵局', '贵单位', '贵机关', '希望', '查询', '复印件', '全文', '具体', '情况', '内容', '依据', '我', '我们', '予以',
]);

function usefulToken(t: string): boolean {
  const s = t.trim().toLowerCase();
  return s.length > 0 && isSearchToken(s) && !QUERY_STOP_WORDS.has(s) && !REQUEST_BOILERPLATE.has(s) && !(s.length === 1 && /\p{Script=Han}/u.test(s));
}

type Vec = Map<string, number>;

/** TF-IDF vectors (L2-normalised) of token lists; idf = ln((N+1)/(df+1)) + 1. */
export function tfidfVectors(docs: readonly (readonly string[])[]): { vectors: Vec[]; idf: Map<string, number> } {
  const df = new Map<string, number>();
  const tfs = docs.map((tokens) => {
    const tf = new Map<string, number>();
    for (const raw of tokens) {
      if (!usefulToken(raw)) continue;
      const t = raw.trim().toLowerCase();
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 1)) + 1);
  const vectors = tfs.map((tf) => {
    const v: Vec = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * idf.get(t)!;
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  return { vectors, idf };
}

/** Cosine similarity of two L2-normalised sparse vectors. */
export function cosine(a: Vec, b: Vec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

/**
 * Groups requests that ask for the same information and returns the Art.44 suggestions, most applicants first
 * (then most requests, then latest request). Pairs are only compared when they share a word (inverted index), so
 * a year of requests clusters in well under a second.
 */
export function clusterRequests(items: readonly RequestForClustering[], opts: ClusterOptions = {}): RequestCluster[] {
  const threshold = opts.threshold ?? 0.5;
  const minApplicants = opts.minApplicants ?? 2;
  const requireDisclosed = opts.requireDisclosed ?? true;
  const { vectors } = tfidfVectors(items.map((i) => i.tokens));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => { for (const t of v.keys()) (postings.get(t) ?? postings.set(t, []).get(t)!).push(i); });
  const maxPosting = Math.max(50, Math.ceil(items.length * 0.3));
  for (let i = 0; i < vectors.length; i++) {
    const candidates = new Set<number>();
    for (const t of vectors[i].keys()) {
      const list = postings.get(t)!;
      if (list.length > maxPosting) continue; // a word in a third of all requests does not identify information
      for (const j of list) if (j > i) candidates.add(j);
    }
    for (const j of candidates) {
      if (find(i) !== find(j) && cosine(vectors[i], vectors[j]) >= threshold) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => { const r = find(i); (groups.get(r) ?? groups.set(r, []).get(r)!).push(i); });
  const out: RequestCluster[] = [];
  for (const members of groups.values()) {
    const applicants = new Set(members.map((i) => items[i].applicantKey));
    const disclosedCount = members.filter((i) => items[i].disclosed).length;
    if (applicants.size < minApplicants || (requireDisclosed && disclosedCount === 0)) continue;
    const weight = new Map<string, number>();
    for (const i of members) for (const [t, w] of vectors[i]) weight.set(t, (weight.get(t) ?? 0) + w);
    const topTerms = [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6).map(([t]) => t);
    let best = members[0];
    let bestScore = -1;
    for (const i of members) {
      let s = 0;
      for (const j of members) if (i !== j) s += cosine(vectors[i], vectors[j]);
      if (s > bestScore || (s === bestScore && items[i].id < items[best].id)) { best = i; bestScore = s; }
    }
    const dates = members.map((i) => items[i].receivedOn).filter((d): d is string => !!d).sort();
    out.push({
      requestIds: members.map((i) => items[i].id).sort((a, b) => a - b),
      applicantCount: applicants.size,
      disclosedCount,
      topTerms,
      representativeId: items[best].id,
      firstReceivedOn: dates[0] ?? null,
      lastReceivedOn: dates[dates.length - 1] ?? null,
    });
  }
  return out.sort((a, b) => b.applicantCount - a.applicantCount || b.requestIds.length - a.requestIds.length || (b.lastReceivedOn ?? '').localeCompare(a.lastReceivedOn ?? ''));
}

/** A stable key of a group (sorted request ids), used to remember that a suggestion was drafted or dismissed. */
export function clusterKey(requestIds: readonly number[]): string {
  return [...requestIds].sort((a, b) => a - b).join(',');
}

/**
 * Suggested title of the draft publication for a group: the representative description with request phrasing
 * ("申请公开…", "请提供…") removed, cut to `maxLength` characters.
 */
export function suggestTitle(description: string, maxLength = 60): string {
  let s = description.replace(/\s+/g, ' ').trim();
  s = s.replace(/^(本人|我|我们|申请人)?\s*(现)?(依法)?(申请|请求|要求)?\s*(贵局|贵单位|贵机关)?\s*(公开|提供|获取)\s*/u, '');
  s = s.replace(/^(关于)?/, '').replace(/[。；;，,！!？?]+$/u, '');
  return s.length > maxLength ? `${s.slice(0, maxLength)}…` : s;
}
