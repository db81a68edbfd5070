/**
 * A short-lived per-process memo for the portal's aggregate lists (filter values, catalogue counts): over a million
 * items each costs a full scan (~1 s), and a few minutes' staleness of these counts is harmless. Writes in this process
 * (publish, withdraw, import, catalogue changes) clear it at once; other processes see them within TTL_MS. Nothing here
 * is needed for correctness, so several processes behind a load balancer stay stateless in the sense of DESIGN.md.
 */
const TTL_MS = 5 * 60_000;
const memo = new Map<string, { at: number; value: Promise<unknown> }>();

export async function cachedPublic<T>(key: string, load: () => Promise<T>, nowMs = Date.now()): Promise<T> {
  const hit = memo.get(key);
  if (hit && nowMs - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  memo.set(key, { at: nowMs, value });
  value.catch(() => memo.delete(key));
  return value;
}

/** Drops every memoised list (called after any write that changes what the portal shows). */
export function invalidatePublicCache(): void {
  memo.clear();
}
