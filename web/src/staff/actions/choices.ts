// Which actions the console offers for a dossier, and why the others are not offered. The
// shared state machine decides (the server applies the same one); this only words it.
import { ACTION_NAMES, availableActions, LIFECYCLE_RULES, type Actor, type LifecycleState, type StaffActionName } from '@hsc/shared/lifecycle';
import type { DeskDossier } from '@hsc/shared/desk';
import type { StaffRole } from '@hsc/shared/staff';
import { vnLocal } from '@hsc/shared/workdays';

/** The machine's actions less the citizen's own, in the order an officer meets them. */
export const STAFF_ACTIONS: readonly StaffActionName[] = ACTION_NAMES.filter(
  (a): a is StaffActionName => a !== 'withdraw' && a !== 'supplement_submitted',
);

/** Actions that end the dossier or cannot be taken back: asked once more before sending. */
export const CONFIRMED: ReadonlySet<StaffActionName> = new Set(['refuse', 'stop', 'return_result', 'reschedule']);

export type WhyNot = { kind: 'role'; roles: readonly Actor[] } | { kind: 'status' } | { kind: 'rescheduled' } | { kind: 'too_late' };

export interface Choices {
  allowed: StaffActionName[];
  unavailable: { action: StaffActionName; why: WhyNot }[];
}

export const stateOfDossier = (d: DeskDossier): LifecycleState => ({
  status: d.status,
  clockFrom: d.clockFrom,
  dueAt: d.dueAt,
  rescheduled: d.rescheduled,
  resultId: d.result?.id ?? null,
  supplements: d.supplements.length,
});

export function actionChoices(d: DeskDossier, role: StaffRole, now: Date): Choices {
  const state = stateOfDossier(d);
  const possible = new Set(availableActions(state, role));
  // The apology must come at least a calendar day before the due date (lifecycle.ts); said
  // here so the button is not offered only to be refused.
  const tooLate = vnLocal(now).date >= vnLocal(new Date(d.dueAt)).date;
  const allowed: StaffActionName[] = [];
  const unavailable: Choices['unavailable'] = [];
  for (const action of STAFF_ACTIONS) {
    const rule = LIFECYCLE_RULES[action];
    if (possible.has(action) && !(action === 'reschedule' && tooLate)) allowed.push(action);
    else if (!rule.by.includes(role)) unavailable.push({ action, why: { kind: 'role', roles: rule.by } });
    else if (action === 'reschedule' && d.rescheduled) unavailable.push({ action, why: { kind: 'rescheduled' } });
    else if (action === 'reschedule' && possible.has(action)) unavailable.push({ action, why: { kind: 'too_late' } });
    else unavailable.push({ action, why: { kind: 'status' } });
  }
  return { allowed, unavailable };
}
