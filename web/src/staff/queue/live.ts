// Keeping an open queue live: every few seconds (never while the tab is hidden) the console asks
// the server how the queue stands; an unchanged queue is a 304 with no body. When it changed,
// the open list is read again in place (no reload, the scroll stays) and each tab says how many
// dossiers it gained since the officer last looked at it. Polling works across API nodes with
// nothing but the database, and through any proxy.
import type { QueueSummary } from '@hsc/shared/desk';
import { useEffect, useRef, useState } from 'react';
import { pollQueue } from '../api/endpoints.ts';
import { QUEUE_TABS, type QueueTab } from './tabs.ts';

export const POLL_MS = 4000;

export function tabCount(counts: QueueSummary['counts'], tab: QueueTab): number {
  const statuses: readonly string[] = QUEUE_TABS.find((x) => x.key === tab)!.statuses;
  return Object.entries(counts).reduce((n, [status, c]) => n + (statuses.length === 0 || statuses.includes(status) ? c : 0), 0);
}

export interface LiveQueue {
  /** Dossiers each tab gained since the officer last had it open (0: nothing new). */
  fresh: Record<QueueTab, number>;
}

/** `onChange` runs when the queue changed after the first answer. */
export function useLiveQueue(unit: string | undefined, tab: QueueTab, onChange: () => void): LiveQueue {
  const [summary, setSummary] = useState<QueueSummary>();
  const [seen, setSeen] = useState<Partial<Record<QueueTab, number>>>({});
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    let etag: string | undefined;
    let first = true;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      clearTimeout(timer);
      if (stopped) return;
      if (document.visibilityState !== 'hidden') {
        try {
          const answer = await pollQueue(unit, etag);
          if (answer && !stopped) {
            etag = answer.etag;
            setSummary(answer.data);
            // What stood in each tab when the console opened counts as seen.
            if (first) setSeen(Object.fromEntries(QUEUE_TABS.map((x) => [x.key, tabCount(answer.data.counts, x.key)])));
            if (!first) changed.current();
            first = false;
          }
        } catch {
          // Offline or signed out: the list says so itself; try again at the next beat.
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    const onVisible = () => document.visibilityState === 'visible' && void poll();
    document.addEventListener('visibilitychange', onVisible);
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [unit]);

  // The open tab is being looked at: what it holds now is seen.
  const current = summary ? tabCount(summary.counts, tab) : undefined;
  useEffect(() => {
    if (current !== undefined) setSeen((s) => (s[tab] === current ? s : { ...s, [tab]: current }));
  }, [tab, current]);

  const fresh = Object.fromEntries(
    QUEUE_TABS.map((x) => {
      const now = summary ? tabCount(summary.counts, x.key) : 0;
      const before = seen[x.key];
      return [x.key, before !== undefined && x.key !== tab ? Math.max(0, now - before) : 0];
    }),
  ) as Record<QueueTab, number>;
  return { fresh };
}
