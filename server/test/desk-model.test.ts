// Model-based test of the server against the shared state machine: random sequences of actions
// by random actors at random times go through the real API (and database); after every step
// the server agrees with `transition()` on the outcome (the same refusal code, or success) and
// on the state it stored (status, due date, rescheduled, result).
import { randomUUID } from 'node:crypto';
import {
  ACTION_NAMES,
  availableActions,
  calendar,
  isWorkingDay,
  transition,
  vnInstant,
  vnLocal,
  type ActionName,
  type ActionResponse,
  type Actor,
  type DossierStatusResponse,
  type HolidayList,
  type LifecycleAction,
  type LifecycleState,
  type Receipt,
  type StaffActionRequest,
  type WorkCalendar,
} from '@hsc/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp, type TestApp } from './support/app.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { lastingSession, movableClock, sendDossier, uploadResult, vn, VO_NHAI, type Agent } from './support/desk.ts';
import { injectUpload, testFile } from './support/fixtures.ts';
import { tempDir } from './support/stores.ts';

const clock = movableClock(vn('2026-03-02T08:00:00'));
let t: TestApp;
let cal: WorkCalendar;
const agents = {} as Record<'officer' | 'leader' | 'province', Agent>;

beforeAll(async () => {
  const dir = tempDir();
  const store = openSqliteStore(dir);
  t = await testApp({ dataDir: dir, store, demo: true, now: clock.now });
  // The clock runs for months here: sessions that outlast it.
  for (const r of ['officer', 'leader', 'province'] as const) agents[r] = await lastingSession(t.app, store, `demo.${r}`);
  cal = calendar((await t.app.inject('/api/holidays')).json<HolidayList>().holidays.map((h) => h.date));
});
afterAll(() => t.close());

type ModelActor = Exclude<Actor, 'admin'>;
interface Command {
  actor: ModelActor;
  action: ActionName;
  guided: boolean;
  pick: number;
  dayShift: number;
  wait: number;
  /** A step of the plain path: dates land on working days. */
  scripted?: boolean;
}

const command: fc.Arbitrary<Command> = fc.record({
  actor: fc.oneof(
    { arbitrary: fc.constant<ModelActor>('officer'), weight: 4 },
    { arbitrary: fc.constant<ModelActor>('leader'), weight: 4 },
    { arbitrary: fc.constant<ModelActor>('province'), weight: 1 },
    { arbitrary: fc.constant<ModelActor>('citizen'), weight: 1 },
  ),
  action: fc.constantFrom(...ACTION_NAMES),
  guided: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  // Mostly the first offered action in FORWARD order, so walks reach the result and beyond.
  pick: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.constant(1), weight: 2 }, { arbitrary: fc.nat(), weight: 2 }),
  dayShift: fc.integer({ min: 0, max: 8 }),
  wait: fc.integer({ min: 0, max: 36 * 60 }),
});

// Ending actions (refuse, stop, withdraw) last: walks that end early see little.
const FORWARD: ActionName[] = ['start_processing', 'finish', 'return_result', 'accept', 'payment_received', 'request_payment', 'reschedule', 'request_supplement', 'supplement_submitted'];
const rank = (a: ActionName) => (FORWARD.includes(a) ? FORWARD.indexOf(a) : FORWARD.length);

/**
 * Each walk starts with one of these plain paths (every action appears in one), so that deep
 * states and every action are exercised whatever the random tail does.
 */
const PREFIX: Record<string, [ModelActor, ActionName, number?][]> = {
  registered: [],
  accepted: [['leader', 'accept']],
  refused: [['officer', 'refuse']],
  resubmitted: [['officer', 'request_supplement'], ['citizen', 'supplement_submitted']],
  // Outside the supplement rule, on a leader's written reason: a second request, and one 14 days on.
  supplementedTwice: [['officer', 'request_supplement'], ['citizen', 'supplement_submitted'], ['leader', 'request_supplement']],
  supplementedLate: [['leader', 'accept'], ['leader', 'request_supplement', 14 * 24 * 60]],
  processing: [['leader', 'accept'], ['officer', 'start_processing']],
  rescheduled: [['leader', 'accept'], ['leader', 'reschedule']],
  paid: [['leader', 'accept'], ['officer', 'start_processing'], ['officer', 'request_payment'], ['officer', 'payment_received']],
  stopped: [['leader', 'accept'], ['officer', 'start_processing'], ['leader', 'stop']],
  returned: [['leader', 'accept'], ['officer', 'start_processing'], ['officer', 'finish'], ['leader', 'return_result']],
  withdrawn: [['leader', 'accept'], ['citizen', 'withdraw']],
};
const scripted = ([actor, action, wait = 0]: [ModelActor, ActionName, number?]): Command => ({
  actor,
  action,
  guided: false,
  pick: 0,
  dayShift: action === 'accept' ? 0 : 1,
  wait,
  scripted: true,
});

const STAFF_ROUTE = new Set<ActionName>(ACTION_NAMES.filter((a) => a !== 'withdraw' && a !== 'supplement_submitted'));

/** 17:00 on the day `days` after the due day (for a scripted step: the first working day from there). */
function dateAfterDue(s: LifecycleState, days: number, workingDay = false): string {
  const dueDay = vnLocal(new Date(s.dueAt)).date;
  let day = new Date(Date.parse(`${dueDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  while (workingDay && !isWorkingDay(day, cal)) day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return vnInstant(day, 17 * 60).toISOString();
}

describe('the server follows the shared state machine', () => {
  test('random action sequences through the API', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(PREFIX)), fc.array(command, { minLength: 1, maxLength: 12 }), async (start, random) => {
        const commands = [...PREFIX[start]!.map(scripted), ...random];
        const prefixLength = PREFIX[start]!.length;
        let step = 0;
        const d = await sendDossier(t.app, VO_NHAI);
        let model: LifecycleState = { status: 'registered', clockFrom: d.receipt.receivedAt, dueAt: d.receipt.dueAt, rescheduled: false, resultId: null, supplements: 0 };
        let openSupplement: string | undefined;
        for (const c of commands) {
          clock.set(new Date(clock.now().getTime() + c.wait * 60_000));
          const offered = availableActions(model, c.actor).sort((a, b) => rank(a) - rank(b));
          const name = c.guided && offered.length > 0 ? offered[c.pick % offered.length]! : c.action;
          // Only the routes that exist: staff actions by staff, the citizen's own two by the citizen.
          if ((c.actor === 'citizen') === STAFF_ROUTE.has(name)) continue;
          if (name === 'supplement_submitted' && model.status !== 'supplement_requested') continue;

          let resultId: string = randomUUID();
          if (name === 'finish' && model.status === 'processing' && c.actor !== 'province') {
            const up = await uploadResult(agents[c.actor as 'officer' | 'leader'], d.id);
            expect(up.statusCode).toBe(201);
            resultId = up.json<{ resultId: string }>().resultId;
          }
          const payload: Record<ActionName, () => LifecycleAction> = {
            accept: () => (c.dayShift === 0 ? { action: 'accept' } : { action: 'accept', dueAt: dateAfterDue(model, c.dayShift) }),
            // Sometimes with a written reason, so that overrides (and officers' attempts at one) are walked too.
            request_supplement: () => ({
              action: 'request_supplement',
              items: [{ slot: 'idCard', label: 'Căn cước', reason: 'Ảnh mờ' }],
              ...(c.dayShift % 2 === 1 ? { overrideReason: 'Phát hiện thiếu giấy tờ khi thẩm định' } : {}),
            }),
            refuse: () => ({ action: 'refuse', reasons: ['Không thuộc thẩm quyền'] }),
            start_processing: () => ({ action: 'start_processing' }),
            request_payment: () => ({ action: 'request_payment', amount: 20_000 }),
            payment_received: () => ({ action: 'payment_received' }),
            finish: () => ({ action: 'finish', resultId }),
            return_result: () => ({ action: 'return_result' }),
            reschedule: () => ({ action: 'reschedule', newDueAt: dateAfterDue(model, c.dayShift, c.scripted), reason: 'Cần xác minh' }),
            stop: () => ({ action: 'stop', reason: 'Giấy tờ giả' }),
            withdraw: () => ({ action: 'withdraw' }),
            supplement_submitted: () => ({ action: 'supplement_submitted' }),
          };
          const action = payload[name]();
          const expected = transition(model, action, { actor: c.actor, now: clock.now(), calendar: cal, processingDays: 3 });

          let res;
          if (c.actor !== 'citizen') {
            res = await agents[c.actor].act(d.id, action as StaffActionRequest);
          } else if (name === 'withdraw') {
            res = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/withdraw`, headers: { 'x-dossier-secret': d.secret } });
          } else {
            const page = testFile('idCard');
            expect(await injectUpload(t.app, d.id, page)).toBe(201);
            res = await t.app.inject({
              method: 'PUT',
              url: `/api/dossiers/${d.id}/supplements/${openSupplement}`,
              headers: { 'x-dossier-secret': d.secret },
              payload: { attachments: [page.ref] },
            });
          }

          const where = `${c.actor} ${name} from ${model.status}`;
          if (step++ < prefixLength) expect(expected.ok, `scripted ${where}`).toBe(true);
          if (name === 'withdraw' && model.status === 'withdrawn') {
            expect(res.statusCode, 'withdrawing again is answered like the first time').toBe(200);
            continue;
          }
          if (!expected.ok) {
            if (c.actor === 'province') expect(res.json(), where).toMatchObject({ error: 'forbidden' });
            else expect([res.statusCode, res.json<{ error: string }>().error], where).toEqual([409, expected.error]);
            continue;
          }
          expect(res.statusCode, `${where}: ${res.body}`).toBeLessThan(300);
          model = expected.state;
          reached.add(name);
          if (c.actor === 'citizen') {
            const st = (await t.app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<DossierStatusResponse>();
            expect({ status: st.status, dueAt: st.dueAt }, where).toEqual({ status: model.status, dueAt: model.dueAt });
            if (name === 'supplement_submitted') expect(res.json<{ receipt: Receipt }>().receipt.dueAt).toBe(model.dueAt);
          } else {
            const { dossier } = res.json<ActionResponse>();
            expect(
              { status: dossier.status, dueAt: dossier.dueAt, rescheduled: dossier.rescheduled, resultId: dossier.result?.id ?? null, supplements: dossier.supplements.length },
              where,
            ).toEqual({ status: model.status, dueAt: model.dueAt, rescheduled: model.rescheduled, resultId: model.resultId, supplements: model.supplements });
            if (name === 'request_supplement') openSupplement = dossier.supplements.at(-1)!.id;
          }
        }
      }),
      // Fixed, so that the walk is the same on every machine and the coverage below holds.
      { numRuns: 50, seed: 20260302 },
    );
    // The walks went everywhere: every action succeeded at least once through the API.
    expect([...reached].sort()).toEqual([...ACTION_NAMES].sort());
  });
});
