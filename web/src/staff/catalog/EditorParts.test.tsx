import type { TemplateRef } from '@hsc/shared/schemas';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDb, seedReferenceData } from '../../test-utils/fixtures.ts';
import StaffConsole from '../StaffConsole.tsx';
import { fakeApi, json, setupStaffTest } from '../test/fixtures.ts';
import { ProcedureEditor } from './ProcedureEditor.tsx';
import { ADMIN_SESSION, catalogList, PROCEDURES, published } from './testData.ts';
import { forgetAllUnsaved } from './unsaved.ts';

beforeEach(async () => {
  await setupStaffTest();
  await resetDb();
  await seedReferenceData();
  forgetAllUnsaved();
  history.replaceState(null, '', '/staff/catalog/1.001193');
});
afterEach(() => vi.unstubAllGlobals());

const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const list = { 'GET /api/admin/procedures': () => ({ procedures: catalogList(), version: '9' }) };
const birth = { 'GET /api/admin/procedures/1.001193': () => published(PROCEDURES.BIRTH, 3) };
const saveEcho = { 'PUT /api/admin/procedures/1.001193/draft': (_: URL, init?: RequestInit) => ({ ...published(PROCEDURES.BIRTH, 3), draft: JSON.parse(String(init!.body)) }) };
const TEMPLATE: TemplateRef = { id: '0b7c6a52-3f51-4d3e-9c59-0c1f3a7b9e11', fileName: 'to-khai-khai-sinh.pdf', mediaType: 'application/pdf', size: 48_200, sha256: 'b'.repeat(64) };

describe('a document slot’s blank form', () => {
  it('uploads the file raw with its name, shows name and size, can be removed, and is saved with the slot', async () => {
    const api = fakeApi({ ...list, ...birth, ...saveEcho, 'POST /api/admin/catalog/templates': () => new Response(JSON.stringify(TEMPLATE), { status: 201 }) });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    const pdf = new File(['%PDF-1.7 tờ khai'], 'tờ khai khai sinh.pdf', { type: 'application/pdf' });
    await act(async () => fireEvent.change(screen.getByTestId('template-file-documents.0.template'), { target: { files: [pdf] } }));

    await waitFor(() => expect(screen.getByTestId('template-documents.0.template').textContent).toBe('to-khai-khai-sinh.pdf (47 KB)'));
    const upload = api.calls.find((c) => c.method === 'POST')!;
    expect(upload.url.pathname).toBe('/api/admin/catalog/templates');
    expect(upload.body).toBe(pdf);
    expect(upload.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(upload.headers['x-file-name']!)).toBe('tờ khai khai sinh.pdf');

    await act(async () => click('save-draft'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect((api.calls.find((c) => c.method === 'PUT')!.body as { documents: { template?: TemplateRef }[] }).documents[0]!.template).toEqual(TEMPLATE);

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ mẫu' }));
    expect(screen.queryByTestId('template-documents.0.template')).toBeNull();
  });

  it('refuses a file over 5 MB before sending it', async () => {
    const api = fakeApi({ ...list, ...birth });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'lon.pdf', { type: 'application/pdf' });
    await act(async () => fireEvent.change(screen.getByTestId('template-file-documents.0.template'), { target: { files: [big] } }));
    expect(screen.getByTestId('template-error-documents.0.template').textContent).toBe('Tệp lớn hơn 5 MB.');
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('where a procedure is offered', () => {
  it('is every unit unless some are chosen from the list, found without tones', async () => {
    const api = fakeApi({ ...list, ...birth, ...saveEcho });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    expect(screen.queryByTestId('unit-05716')).toBeNull();
    click('cat-unitsMode-some');
    await screen.findByTestId('unit-05716');
    expect(screen.getByTestId('units-count').textContent).toBe('Đã chọn 0 / 4 xã, phường');
    fireEvent.change(screen.getByTestId('cat-units-search'), { target: { value: 'vo nhai' } });
    expect(screen.queryByTestId('unit-05533')).toBeNull();
    click('unit-05716');
    fireEvent.change(screen.getByTestId('cat-units-search'), { target: { value: 'phuong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chọn tất cả đang hiện' }));
    expect(screen.getByTestId('units-count').textContent).toBe('Đã chọn 3 / 4 xã, phường');
    await act(async () => click('save-draft'));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect((api.calls.find((c) => c.method === 'PUT')!.body as { units: string[] }).units.sort()).toEqual(['05518', '05533', '05716']);
  });
});

describe('conditions', () => {
  it('follow a field that is renamed, and offer its own values', async () => {
    fakeApi({ ...list, ...birth });
    render(<ProcedureEditor code="1.001193" />);
    await screen.findByTestId('procedure-editor');
    click('add-field-fields');
    fireEvent.change(screen.getByTestId('cat-fields.1.key'), { target: { value: 'laCon' } });
    fireEvent.change(screen.getByTestId('cat-fields.1.type'), { target: { value: 'yesNo' } });
    fireEvent.change(screen.getByTestId('cat-fields.1.label.vi'), { target: { value: 'Là con đẻ?' } });
    click('add-field-fields');
    fireEvent.change(screen.getByTestId('cat-fields.2.showIf.field'), { target: { value: 'laCon' } });
    const values = [...screen.getByTestId('cat-fields.2.showIf.equals').querySelectorAll('option')].map((o) => [o.getAttribute('value'), o.textContent]);
    expect(values).toEqual([
      ['', 'Chọn giá trị'],
      ['yes', 'Có'],
      ['no', 'Không'],
    ]);
    fireEvent.change(screen.getByTestId('cat-fields.1.key'), { target: { value: 'laConDe' } });
    expect((screen.getByTestId('cat-fields.2.showIf.field') as HTMLSelectElement).value).toBe('laConDe');
  });
});

describe('a session that ends while editing', () => {
  it('brings back what was typed once the administrator signs in again', async () => {
    let session = true;
    fakeApi({
      ...list,
      ...birth,
      'GET /api/holidays': () => ({ holidays: [] }),
      'GET /api/staff/me': () => (session ? ADMIN_SESSION : json(401, { error: 'unauthenticated', message: 'Chưa đăng nhập.' })),
      'POST /api/staff/login': () => ((session = true), ADMIN_SESSION),
      'PUT /api/admin/procedures/1.001193/draft': () => ((session = false), json(401, { error: 'unauthenticated', message: 'Chưa đăng nhập.' })),
    });
    render(<StaffConsole />);
    await screen.findByTestId('procedure-editor', {}, { timeout: 5000 });
    fireEvent.change(screen.getByTestId('cat-name.vi'), { target: { value: 'Đăng ký khai sinh cho trẻ' } });
    await act(async () => click('save-draft'));

    await screen.findByTestId('staff-login');
    fireEvent.change(screen.getByTestId('login-username'), { target: { value: 'demo.admin' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'demo1234' } });
    await act(async () => click('login-submit'));

    await screen.findByTestId('procedure-editor', {}, { timeout: 5000 });
    expect((screen.getByTestId('cat-name.vi') as HTMLInputElement).value).toBe('Đăng ký khai sinh cho trẻ');
    expect(screen.getByTestId('editor-notice').textContent).toContain('Đang mở lại những gì đã gõ mà chưa lưu.');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
  });
});
