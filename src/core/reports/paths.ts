/** Dotted-path access into plain report objects (`proactive.regulations.issued`, `requests.rows.received.0`). */

/** Reads a dotted path (array indexes as numeric segments); undefined when any step is missing. */
export function getPath(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** Sets a dotted path, creating intermediate objects (existing arrays are indexed by numeric segments). */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]] = value;
}
