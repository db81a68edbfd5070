// Worker thread that checks a request ledger file (validate-requests.ts) while the main thread writes the checked
// rows to the database. Plain .mjs so Node can start it anywhere; it registers tsx to load the TypeScript modules.
// Messages to the parent: ValidationMessage; from the parent: 'ack' after each batch is handled (back-pressure:
// at most MAX_IN_FLIGHT batches wait in the parent at any time, so memory stays bounded).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const MAX_IN_FLIGHT = 3;
register();
let inFlight = 0;
let wake = null;
parentPort.on('message', (m) => {
  if (m === 'ack') {
    inFlight -= 1;
    if (wake) { const w = wake; wake = null; w(); }
  }
});
try {
  const { validateRequestLedger } = await import('./validate-requests.ts');
  for await (const msg of validateRequestLedger(workerData)) {
    parentPort.postMessage(msg);
    if (msg.type === 'batch') {
      inFlight += 1;
      while (inFlight >= MAX_IN_FLIGHT) await new Promise((resolve) => { wake = resolve; });
    }
  }
} catch (e) {
  parentPort.postMessage({ type: 'fatal', code: 'INTERNAL', message: String(e && e.stack ? e.stack : e) });
}
parentPort.close();
