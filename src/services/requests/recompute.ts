import { inArray } from 'drizzle-orm';
import { requests } from '../../db/schema/index.js';
import { replayEvents } from '../../core/requests/index.js';
import { invalidateCalendarCache } from '../calendar.js';
import type { ServiceContext } from '../context.js';
import { OPEN_STATES } from './queries.js';
import { cachedColumns, loadClockContext, loadEvents, toCoreEvent } from './record-event.js';
import { eq } from 'drizzle-orm';

/**
 * After the calendar changes, every open request's deadline is recomputed from its event log (STYLE.md §4:
 * cached deadline columns are refreshed whenever their inputs change). Returns how many changed.
 */
export async function recomputeOpenDeadlines(ctx: ServiceContext): Promise<number> {
  invalidateCalendarCache();
  const clock = await loadClockContext(ctx.db);
  const open = await ctx.db.select({ id: requests.id, dueOn: requests.dueOn }).from(requests).where(inArray(requests.state, [...OPEN_STATES]));
  let changed = 0;
  for (const r of open) {
    await ctx.db.transaction(async (tx) => {
      const events = await loadEvents(tx, r.id);
      const view = replayEvents(events.map(toCoreEvent), clock);
      const cols = cachedColumns(view);
      if (cols.dueOn !== r.dueOn) changed++;
      await tx.update(requests).set(cols).where(eq(requests.id, r.id));
    });
  }
  return changed;
}
