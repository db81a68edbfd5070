import type { PublicCreated } from '../../api/types.js';

export interface Receipt extends PublicCreated {
  applicantName: string;
  description: string;
  deliveryMethod: string;
  format: string;
  submittedAt: string;
}

const KEY = 'gk.receipt';

/** Keeps the latest receipt for this browser tab, so a refresh of the confirmation page does not lose the access key. */
export function saveReceipt(r: Receipt): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    /* storage disabled: the page still has it in memory */
  }
  memory = r;
}

let memory: Receipt | null = null;

export function loadReceipt(): Receipt | null {
  if (memory) return memory;
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Receipt) : null;
  } catch {
    return null;
  }
}
