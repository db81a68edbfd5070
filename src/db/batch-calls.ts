/**
 * Coalesces calls that arrive close together into one set-based statement (the idea of DataLoader, without its
 * cache). A call waits at most for the end of the current turn of the event loop, or, when `maxInFlight` batches
 * are already running, for one of them to finish; a lone call is sent in the same turn.
 * - Reads (public status query): each key is read from the database after its call arrived, so no answer is staler
 *   than a direct query would be; under load N round trips become one (bench/RESULTS.md: 5× the throughput).
 * - Writes (online submissions): one statement commits the whole batch, and each caller is answered only after
 *   that commit, so an acknowledged write is as durable as one written alone.
 * `load` answers every key it was given; a key it leaves out resolves to undefined.
 */
export function batchCalls<K, V>(
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
