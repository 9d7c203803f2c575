import { ProcedureDef } from '@hsc/shared/schemas';
import type { AdminProcedure } from '@hsc/shared/schemas';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import StaffConsole from '../StaffConsole.tsx';
import { fakeApi, json, setupStaffTest } from '../test/fixtures.ts';
import { forgetAllUnsaved } from './unsaved.ts';
import { ADMIN_SESSION, catalogList } from './testData.ts';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
  forgetAllUnsaved();
});
afterEach(() => vi.unstubAllGlobals());

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));

function openConsole(path: string, handlers: Parameters<typeof fakeApi>[0]) {
  history.replaceState(null, '', path);
  const api = fakeApi({ 'GET /api/staff/me': () => ADMIN_SESSION, 'GET /api/holidays': () => ({ holidays: [] }), ...handlers });
  render(<StaffConsole />);
  return api;
}

/** A fake server that keeps one procedure as the real one would: a draft, then versions. */
function procedureServer() {
  let stored: AdminProcedure | undefined;
  return {
    'GET /api/admin/procedures': () => ({ procedures: [...catalogList(), ...(stored ? [stored] : [])], version: '9' }),
    'PUT /api/admin/procedures/TN.001/draft': (_url: URL, init: RequestInit | undefined) => {
      const draft = ProcedureDef.parse(JSON.parse(String(init!.body)));
      stored = { code: draft.code, status: stored?.status ?? 'draft', version: stored?.version ?? null, draft, published: stored?.published, updatedAt: '2026-03-10T02:00:00.000Z' };
      return stored;
    },
    'POST /api/admin/procedures/TN.001/publish': () => {
      if (!stored?.draft) return json(409, { error: 'no_draft', message: 'Không có bản nháp.' });
      const version = (stored.version ?? 0) + 1;
      stored = { code: stored.code, status: 'published', version, published: { ...stored.draft, version }, updatedAt: '2026-03-10T02:05:00.000Z' };
      return stored;
    },
  };
}

describe('creating a procedure', () => {
  it('builds a form with a repeating group and a conditional field, previews it as the phone does, and publishes it: draft first, then publish', async () => {
    const api = openConsole('/staff/catalog/_new', procedureServer());
    // The first open loads the admin's chunk: allowed more than the default second on a busy machine.
    await screen.findByTestId('procedure-editor', {}, { timeout: 5000 });
    expect(screen.getByTestId('nav-catalog').getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('nav-queue')).toBeNull();
    expect(screen.getByTestId('staff-who').textContent).toBe('Demo adminQuản trị viên');

    type('cat-code', 'TN.001');
    type('cat-name.vi', 'Hỗ trợ hộ gia đình khó khăn');
    type('cat-name.en', 'Support for households in hardship');
    type('cat-field.vi', 'Bảo trợ xã hội');
    type('cat-where.vi', 'Bộ phận Một cửa UBND xã, phường');
    type('cat-processingDays', '5');
    // The words people read follow the choice, in both languages.
    expect((screen.getByTestId('cat-processingTime.vi') as HTMLInputElement).value).toBe('5 ngày làm việc');
    expect((screen.getByTestId('cat-processingTime.en') as HTMLInputElement).value).toBe('5 working days');
    expect((screen.getByTestId('cat-fee.vi') as HTMLInputElement).value).toBe('Không thu phí');
    expect((screen.getByTestId('cat-fee.en') as HTMLInputElement).value).toBe('Free');
    click('cat-feeRule-fixed');
    type('cat-feeRule.amount', '15.000');
    expect((screen.getByTestId('cat-fee.vi') as HTMLInputElement).value).toBe('15.000 đồng');
    expect((screen.getByTestId('cat-fee.en') as HTMLInputElement).value).toBe('VND 15,000');
    click('life-support');

    // 1: "any children under 18?" (yes/no); 2: how many, only when yes; 3: the household, a group.
    click('add-field-fields');
    type('cat-fields.0.key', 'coCon');
    type('cat-fields.0.type', 'yesNo');
    type('cat-fields.0.label.vi', 'Có con dưới 18 tuổi?');
    click('add-field-fields');
    type('cat-fields.1.key', 'soCon');
    type('cat-fields.1.type', 'number');
    type('cat-fields.1.label.vi', 'Số con dưới 18 tuổi');
    fireEvent.click(screen.getByTestId('more-fields.1'));
    type('cat-fields.1.showIf.field', 'coCon');
    type('cat-fields.1.showIf.equals', 'yes');
    click('add-field-fields');
    type('cat-fields.2.key', 'thanhVien');
    type('cat-fields.2.type', 'group');
    type('cat-fields.2.label.vi', 'Thành viên hộ');
    click('add-field-fields.2.fields');
    type('cat-fields.2.fields.0.key', 'hoTen');
    type('cat-fields.2.fields.0.label.vi', 'Họ và tên');
    click('add-field-fields.2.fields');
    type('cat-fields.2.fields.1.key', 'quanHe');
    type('cat-fields.2.fields.1.type', 'choice');
    type('cat-fields.2.fields.1.label.vi', 'Quan hệ với chủ hộ');
    click('paste-options-fields.2.fields.1');
    type('paste-text-fields.2.fields.1', 'Vợ, chồng\nCon\nchau | Cháu\n');
    click('paste-add-fields.2.fields.1');
    type('cat-fields.2.minRows', '1');
    type('cat-fields.2.maxRows', '10');

    click('add-document');
    type('cat-documents.0.key', 'cccd');
    type('cat-documents.0.label.vi', 'Căn cước của chủ hộ');

    // The preview is the phone's own form: the count shows only after "yes", the group has its first row.
    const preview = screen.getByTestId('preview');
    expect(within(preview).queryByTestId('field-fields.soCon')).toBeNull();
    fireEvent.click(within(preview).getByTestId('field-fields.coCon-yes'));
    expect(within(preview).getByTestId('field-fields.soCon')).toBeTruthy();
    expect(within(preview).getByTestId('group-thanhVien')).toBeTruthy();
    expect(within(preview).getByTestId('field-fields.thanhVien.0.hoTen')).toBeTruthy();
    const relation = within(preview).getByTestId('field-fields.thanhVien.0.quanHe');
    expect([...relation.querySelectorAll('option')].map((o) => o.textContent)).toContain('Cháu');

    click('publish');
    const confirm = screen.getByTestId('confirm-publish');
    expect(confirm.textContent).toContain('Công bố phiên bản 1?');
    expect(confirm.textContent).toContain('Điện thoại của người dân sẽ nhận phiên bản này');
    expect(confirm.textContent).toContain('Hồ sơ đã gửi vẫn giữ phiên bản lúc gửi');
    await act(async () => click('confirm-yes'));

    await waitFor(() => expect(screen.getByTestId('editor-notice').textContent).toContain('Đã công bố phiên bản 1.'));
    const writes = api.calls.filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['PUT /api/admin/procedures/TN.001/draft', 'POST /api/admin/procedures/TN.001/publish']);
    expect(writes.every((c) => c.headers['x-csrf-token'] === 'csrf-admin')).toBe(true);

    const sent = ProcedureDef.safeParse(writes[0]!.body);
    expect(sent.success).toBe(true);
    const def = sent.data!;
    expect(def).toMatchObject({
      code: 'TN.001',
      name: { vi: 'Hỗ trợ hộ gia đình khó khăn', en: 'Support for households in hardship' },
      // English left empty is the Vietnamese.
      field: { vi: 'Bảo trợ xã hội', en: 'Bảo trợ xã hội' },
      processingDays: 5,
      feeRule: { kind: 'fixed', amount: 15000 },
      lifeEvents: ['support'],
    });
    expect(def.fields.map((f) => [f.key, f.type])).toEqual([
      ['coCon', 'yesNo'],
      ['soCon', 'number'],
      ['thanhVien', 'group'],
    ]);
    expect(def.fields[1]!.showIf).toEqual({ field: 'coCon', equals: 'yes' });
    expect(def.fields[2]).toMatchObject({ minRows: 1, maxRows: 10 });
    expect(def.fields[2]!.fields!.map((f) => f.key)).toEqual(['hoTen', 'quanHe']);
    expect(def.fields[2]!.fields![1]!.options!.map((o) => [o.value, o.label.vi])).toEqual([
      ['1', 'Vợ, chồng'],
      ['2', 'Con'],
      ['chau', 'Cháu'],
    ]);
    expect(def.documents).toEqual([{ key: 'cccd', required: true, label: { vi: 'Căn cước của chủ hộ', en: 'Căn cước của chủ hộ' }, maxPages: 2 }]);

    // Now it is the published procedure's own page, with its version.
    expect(location.pathname).toBe('/staff/catalog/TN.001');
    expect(screen.getByTestId('procedure-state').textContent).toBe('Đang áp dụng');
    expect(screen.getByTestId('procedure-version').textContent).toBe('Phiên bản 1');
    expect(screen.queryByTestId('unsaved')).toBeNull();
  }, 30_000);
});
