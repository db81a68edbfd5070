/**
 * Coalesces point lookups that arrive close together into one set-based query (the idea of DataLoader, without its
 * cache). A lookup waits at most for the end of the current turn of the event loop, or, when `maxInFlight` batches
 * are already running, for one of them to finish; it is then read from the database after it arrived, so no answer
 * is staler than a direct query would be. Under load this turns N round trips into one (bench/RESULTS.md, public
 * status query: 5× the throughput of one query per lookup); a lone lookup is sent in the same turn.
 */
export function batchLookups<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
  { maxBatch = 256, maxInFlight = 4 }: { maxBatch?: number; maxInFlight?: number } = {},
): (key: K) => Promise<V | undefined> {
  type Waiter = { key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void };
  let queue: Waiter[] = [];
  let scheduled = false;
  let inFlight = 0;
  const flush = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < maxInFlight) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = batch === queue ? [] : queue.slice(maxBatch);
      inFlight++;
      load([...new Set(batch.map((w) => w.key))])
        .then((found) => { for (const w of batch) w.resolve(found.get(w.key)); }, (err) => { for (const w of batch) w.reject(err); })
        .finally(() => { inFlight--; flush(); });
    }
  };
  return (key) => new Promise<V | undefined>((resolve, reject) => {
    queue.push({ key, resolve, reject });
    if (!scheduled && inFlight < maxInFlight) { scheduled = true; setImmediate(flush); }
  });
}
