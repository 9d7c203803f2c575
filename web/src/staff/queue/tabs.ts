// The queue's tabs: the portal's statuses grouped the way the desk works through them.
import type { DossierStatus } from '@hsc/shared/schemas';

export const QUEUE_TABS = [
  { key: 'registered', statuses: ['registered'] },
  { key: 'accepted', statuses: ['accepted'] },
  { key: 'processing', statuses: ['processing', 'financial_requested'] },
  { key: 'supplement', statuses: ['supplement_requested'] },
  { key: 'processed', statuses: ['processed'] },
  { key: 'closed', statuses: ['returned', 'refused', 'withdrawn', 'stopped'] },
  { key: 'all', statuses: [] },
] as const satisfies readonly { key: string; statuses: readonly DossierStatus[] }[];

export type QueueTab = (typeof QUEUE_TABS)[number]['key'];

/**
 * "Của tôi": the dossiers handed to the signed-in staff member (any status), shown first for
 * unit staff. Kept apart from QUEUE_TABS: the live counts per status say nothing about it.
 */
export const MINE_TAB = 'mine';
export type QueueTabKey = QueueTab | typeof MINE_TAB;

export interface QueueFilter {
  tab: QueueTabKey;
  q: string;
  /** Province viewers only: one unit, or '' for all. */
  unit: string;
}

export const INITIAL_FILTER: QueueFilter = { tab: 'registered', q: '', unit: '' };

export const statusesOf = (tab: QueueTabKey): readonly DossierStatus[] => (tab === MINE_TAB ? [] : QUEUE_TABS.find((x) => x.key === tab)!.statuses);
