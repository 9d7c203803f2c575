// The handover rules: whom a dossier may be handed to, the due time of a step (working days,
// holidays), the verdict of a step and the steps built from the recorded handovers.
import { describe, expect, it } from 'vitest';
import { handoverSteps, mayHandTo, stepDueAt, stepTiming, type HandoverCandidate } from './handover.ts';
import { calendar } from './workdays.ts';

const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const cal = calendar(['2026-04-27']); // a Monday off
const member = (id: string, over: Partial<HandoverCandidate> = {}): HandoverCandidate => ({ id, role: 'officer', unitCode: '05716', specialist: false, disabled: false, ...over });

describe('whom a dossier may be handed to', () => {
  const desk = member('desk');
  const spec = member('spec', { specialist: true });
  const leader = member('lead', { role: 'leader' });
  it('the desk hands only to a specialist of its unit', () => {
    expect(mayHandTo(desk, spec)).toBe(true);
    expect(mayHandTo(desk, leader)).toBe(false);
    expect(mayHandTo(desk, member('desk2'))).toBe(false);
    expect(mayHandTo(desk, member('spec2', { specialist: true, unitCode: '05533' }))).toBe(false);
    expect(mayHandTo(desk, member('spec3', { specialist: true, disabled: true }))).toBe(false);
  });
  it('a specialist or the leader hands to anyone of the unit but themselves; never to the province or an admin', () => {
    expect(mayHandTo(spec, leader)).toBe(true);
    expect(mayHandTo(spec, desk)).toBe(true);
    expect(mayHandTo(spec, spec)).toBe(false);
    expect(mayHandTo(leader, spec)).toBe(true);
    expect(mayHandTo(leader, desk)).toBe(true);
    expect(mayHandTo(leader, member('prov', { role: 'province', unitCode: null }))).toBe(false);
  });
});

describe('the due time of a step', () => {
  it('the leader: the dossier’s due date; anyone else: one working day before it, skipping days off', () => {
    const due = vn('2026-04-28T17:00:00'); // Tuesday; Monday is off, so Friday is the working day before
    expect(stepDueAt(due, 'leader', new Date(vn('2026-04-22T09:00:00')), cal)).toBe(due);
    expect(stepDueAt(due, 'officer', new Date(vn('2026-04-22T09:00:00')), cal)).toBe(vn('2026-04-24T17:00:00'));
  });
  it('never before the handover itself: handed that late, a step is due by the dossier’s due date', () => {
    const due = vn('2026-04-28T17:00:00');
    expect(stepDueAt(due, 'officer', new Date(vn('2026-04-28T08:00:00')), cal)).toBe(due);
  });
});

describe('the verdict of a step', () => {
  const due = vn('2026-04-24T17:00:00');
  it('early before the due day, on time by the due time, late after it, none while open', () => {
    expect(stepTiming(vn('2026-04-23T16:00:00'), due)).toBe('early');
    expect(stepTiming(vn('2026-04-24T16:59:00'), due)).toBe('on_time');
    expect(stepTiming(vn('2026-04-24T17:01:00'), due)).toBe('late');
    expect(stepTiming(null, due)).toBeNull();
  });
  it('the reception, then one step per handover, each ending when the next begins', () => {
    const a = { id: 'a', name: 'A' };
    const b = { id: 'b', name: 'B' };
    const steps = handoverSteps(vn('2026-04-22T16:00:00'), [{ seq: 1, from: a, to: b, at: vn('2026-04-23T09:00:00'), dueAt: vn('2026-04-24T17:00:00'), note: null }], cal);
    // Received after 15:00: the desk's step is due at closing of the next working day.
    expect(steps[0]).toMatchObject({ seq: 0, from: null, to: a, dueAt: vn('2026-04-23T17:00:00'), handedOnAt: vn('2026-04-23T09:00:00'), timing: 'on_time' });
    expect(steps[1]).toMatchObject({ seq: 1, from: a, to: b, handedOnAt: null, timing: null });
    expect(handoverSteps(vn('2026-04-22T09:00:00'), [], cal)).toEqual([
      { seq: 0, from: null, to: null, receivedAt: vn('2026-04-22T09:00:00'), dueAt: vn('2026-04-22T17:00:00'), handedOnAt: null, timing: null },
    ]);
  });
});
