// Every decision reaches the person in words: the device status carries it as plain fields
// (reasons, items, reason, dates), each timeline step carries its note, and /tra-cuu shows the
// same words in Vietnamese and English, with nothing of the applicant beyond the code.
import type { DossierStatusResponse } from '@hsc/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { vnDateTime } from '../src/services/push.ts';
import { testApp, type TestApp } from './support/app.ts';
import { actAll, login, movableClock, sendDossier, toProcessingWithResult, vn, VO_NHAI, type Agent, type SentDossier } from './support/desk.ts';

let t: TestApp;
let officer: Agent;
let leader: Agent;
const TUESDAY = vn('2026-03-10T09:00:00');
const clock = movableClock(TUESDAY);

async function jump(at: Date) {
  clock.set(at);
  [officer, leader] = [await login(t.app, 'demo.officer'), await login(t.app, 'demo.leader')];
}

beforeAll(async () => {
  t = await testApp({ demo: true, now: clock.now });
});
beforeEach(() => jump(TUESDAY));
afterAll(() => t.close());

const PERSON = { fullName: 'Nông Thị Hoa', phone: '0978123456', citizenId: '019301234567' };

const status = async (d: SentDossier) =>
  (await t.app.inject({ url: `/api/dossiers/${d.id}/status`, headers: { 'x-dossier-secret': d.secret } })).json<DossierStatusResponse>();

let ip = 0;
/** /tra-cuu as a browser posts it, in the language asked for. */
async function lookup(d: SentDossier, lang: 'vi' | 'en') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/tra-cuu',
    remoteAddress: `203.0.113.${++ip}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': lang },
    payload: new URLSearchParams({ ma: d.receipt.code, tra: d.receipt.lookupCode }).toString(),
  });
  expect(res.statusCode).toBe(200);
  for (const v of Object.values(PERSON)) expect(res.body).not.toContain(v);
  return res.body;
}

describe('decisions in words', () => {
  test('a refusal: both reasons in the status, the timeline note and /tra-cuu, with what to do', async () => {
    const d = await sendDossier(t.app, VO_NHAI, PERSON);
    const reasons = ['Không thuộc thẩm quyền của xã', 'Tờ khai thiếu chữ ký'];
    await actAll(officer, d.id, [{ action: 'refuse', reasons }]);
    const s = await status(d);
    expect(s.decision).toEqual({ kind: 'refused', at: TUESDAY.toISOString(), reasons });
    expect(s.timeline.at(-1)).toEqual({ status: 'refused', at: TUESDAY.toISOString(), note: reasons.join('; ') });
    for (const lang of ['vi', 'en'] as const) {
      const page = await lookup(d, lang);
      expect(page).toContain('Xã đã từ chối nhận hồ sơ vì:');
      expect(page).toContain('The commune refused the dossier because:');
      expect(page).toContain('Việc bạn cần làm: sửa theo các lý do trên');
      expect(page).toContain(`<li>${reasons[0]}</li><li>${reasons[1]}</li>`);
      expect(page).toContain('Không tiếp nhận');
    }
  });

  test('a supplement request: every item with its reason and what to do; gone once the person withdrew', async () => {
    const d = await sendDossier(t.app, VO_NHAI, PERSON);
    const items = [
      { slot: 'idCard', label: 'Bản sao CCCD', reason: 'Ảnh bị mờ, không đọc được số' },
      { label: 'Giấy xác nhận cư trú', reason: 'Chưa có trong hồ sơ' },
    ];
    await actAll(officer, d.id, [{ action: 'request_supplement', items }]);
    const s = await status(d);
    expect(s.decision).toEqual({ kind: 'supplement', at: TUESDAY.toISOString(), items });
    expect(s.timeline.at(-1)?.note).toBe('Bản sao CCCD: Ảnh bị mờ, không đọc được số; Giấy xác nhận cư trú: Chưa có trong hồ sơ');
    const page = await lookup(d, 'vi');
    expect(page).toContain('Xã cần bạn bổ sung:');
    expect(page).toContain('<li>Bản sao CCCD: Ảnh bị mờ, không đọc được số</li>');
    expect(page).toContain('<li>Giấy xác nhận cư trú: Chưa có trong hồ sơ</li>');
    expect(page).toContain('What to do: photograph and send these documents');
    const w = await t.app.inject({ method: 'POST', url: `/api/dossiers/${d.id}/withdraw`, headers: { 'x-dossier-secret': d.secret } });
    expect(w.statusCode).toBe(200);
    expect((await status(d)).decision).toBeUndefined();
  });

  test('a reschedule: the apology, the reason, the new and the old date', async () => {
    const d = await sendDossier(t.app, VO_NHAI, PERSON); // due Friday 13/3 17:00
    await actAll(officer, d.id, [{ action: 'accept' }]);
    expect((await status(d)).decision).toEqual({ kind: 'accepted', at: TUESDAY.toISOString(), dueAt: d.receipt.dueAt });
    expect(await lookup(d, 'vi')).toContain(`Xã đã nhận đủ hồ sơ. Hẹn trả kết quả: ${vnDateTime(d.receipt.dueAt)}.`);
    await actAll(officer, d.id, [{ action: 'start_processing' }]);
    await jump(vn('2026-03-12T16:00:00'));
    const newDueAt = vn('2026-03-18T17:00:00').toISOString();
    const reason = 'Cần xác minh tại nơi cư trú';
    await actAll(leader, d.id, [{ action: 'reschedule', newDueAt, reason }]);
    const s = await status(d);
    expect(s.decision).toEqual({ kind: 'rescheduled', at: vn('2026-03-12T16:00:00').toISOString(), reason, previousDueAt: d.receipt.dueAt, newDueAt });
    expect(s.timeline.at(-1)).toMatchObject({ status: 'processing', note: reason });
    const page = await lookup(d, 'en');
    expect(page).toContain('Xã xin lỗi vì chưa trả được kết quả đúng hẹn.');
    expect(page).toContain(`Lý do: ${reason}`);
    expect(page).toContain('Hạn mới: 17:00 18/03/2026');
    expect(page).toContain('Hạn cũ: 17:00 13/03/2026');
    expect(page).toContain('New due date: 17:00 18/03/2026');
  });

  test('a stop: the leader’s reason; a result: ready to collect, then no longer news once returned', async () => {
    const stopped = await sendDossier(t.app, VO_NHAI, PERSON);
    await actAll(officer, stopped.id, [{ action: 'accept' }, { action: 'start_processing' }]);
    await actAll(leader, stopped.id, [{ action: 'stop', reason: 'Người dân đề nghị dừng bằng văn bản' }]);
    expect((await status(stopped)).decision).toMatchObject({ kind: 'stopped', reason: 'Người dân đề nghị dừng bằng văn bản' });
    const page = await lookup(stopped, 'vi');
    expect(page).toContain('Xã đã dừng giải quyết hồ sơ vì: Người dân đề nghị dừng bằng văn bản');
    expect(page).toContain('Dừng giải quyết');

    const done = await sendDossier(t.app, VO_NHAI, PERSON);
    const resultId = await toProcessingWithResult(officer, done.id);
    await actAll(officer, done.id, [{ action: 'finish', resultId }]);
    expect((await status(done)).decision).toMatchObject({ kind: 'result' });
    const ready = await lookup(done, 'en');
    expect(ready).toContain('Hồ sơ đã có kết quả.');
    expect(ready).toContain('The result is ready.');
    await actAll(officer, done.id, [{ action: 'return_result' }]);
    expect((await status(done)).decision).toBeUndefined();
  });
});
