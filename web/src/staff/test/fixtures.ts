// Test data and a fake staff API for the console's component tests: answers are built from
// the shared schemas' shapes, so a schema change breaks the fixtures, not the screens silently.
import type { DeskDossier, DossierListItem, FormDocument, ReportResponse } from '@hsc/shared/desk';
import type { StaffUser } from '@hsc/shared/staff';
import { vi } from 'vitest';
import { initI18n } from '../../i18n/index.ts';
import { clearReadCache } from '../api/useResource.ts';
import { loadStaffMessages } from '../i18n/index.ts';
import { resetReference } from '../reference.ts';

export const SHA = 'a'.repeat(64);
/** Tuesday 10 March 2026, 09:00 in Vietnam. */
export const NOW = new Date('2026-03-10T02:00:00Z');

export const user = (role: StaffUser['role'], unitCode: string | null = role === 'officer' || role === 'leader' ? '05716' : null): StaffUser => ({
  id: `id-${role}`,
  username: `demo.${role}`,
  displayName: `Demo ${role}`,
  role,
  unitCode,
});

export function listItem(over: Partial<DossierListItem> = {}): DossierListItem {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    code: 'H19.05716-260310-0001',
    status: 'registered',
    channel: 'online',
    procedureCode: '2.000884',
    unitCode: '05716',
    applicantName: 'Hoàng Thị Lan',
    phone: '0912345678',
    receivedAt: '2026-03-10T01:00:00.000Z',
    dueAt: '2026-03-13T10:00:00.000Z',
    badge: null,
    ...over,
  };
}

export function deskDossier(over: Partial<DeskDossier> = {}): DeskDossier {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    code: 'H19.05716-260310-0001',
    lookupCode: 'K3QX',
    status: 'registered',
    channel: 'online',
    procedureCode: '2.000884',
    procedureVersion: 1,
    procedureName: 'Chứng thực chữ ký',
    unitCode: '05716',
    unitName: 'Xã Võ Nhai',
    receivedAt: '2026-03-10T01:00:00.000Z',
    clockFrom: '2026-03-10T01:00:00.000Z',
    dueAt: '2026-03-13T10:00:00.000Z',
    badge: { kind: 'days_left', days: 3 },
    rescheduled: false,
    payment: null,
    paymentProofs: [],
    applicant: { fullName: 'Hoàng Thị Lan', phone: '0912345678', citizenId: '019123456789', address: 'Xóm Làng Lường, xã Võ Nhai' },
    fields: { documentName: 'Giấy ủy quyền' },
    attachments: [
      { id: 'a1', slot: 'idCard', fileName: 'cccd.jpg', mediaType: 'image/jpeg', size: 1000, sha256: SHA, version: 1, supplementId: null, current: true, verified: true },
      { id: 'a2', slot: 'document', fileName: 'giay.pdf', mediaType: 'application/pdf', size: 2000, sha256: SHA, version: 1, supplementId: null, current: true, verified: true },
    ],
    supplements: [],
    forms: [],
    timeline: [{ status: 'registered', at: '2026-03-10T01:00:00.000Z' }],
    result: null,
    actions: [],
    ...over,
  };
}

export const FORM_01: FormDocument = {
  id: 'f1',
  kind: '01',
  number: '7/2026',
  issuedAt: '2026-03-10T03:15:00.000Z',
  dossierId: '11111111-1111-4111-8111-111111111111',
  dossierCode: 'H19.05716-260310-0001',
  lookupCode: 'K3QX',
  agency: { unitCode: '05716', unitName: 'Xã Võ Nhai', agencyId: 'H19.05716', desk: 'Bộ phận Một cửa' },
  applicant: { fullName: 'Hoàng Thị Lan', address: 'Xóm Làng Lường, xã Võ Nhai', phone: '0912345678', email: 'lan@example.vn' },
  procedure: { code: '2.000884', name: 'Chứng thực chữ ký', processingTime: 'Trong ngày' },
  officer: { id: 'o1', name: 'Nguyễn Thị Hoa' },
  channel: 'online',
  fields: [
    { key: 'documentName', label: 'Tên giấy tờ cần ký', value: 'Giấy ủy quyền' },
    { key: 'signers', label: 'Người cùng ký', rows: [[{ label: 'Họ tên', value: 'Lò Văn Páo' }], [{ label: 'Họ tên', value: 'Lò Thị Mai' }]] },
  ],
  documents: [
    { slot: 'idCard', label: 'Căn cước', pages: 2, version: 1 },
    { slot: 'document', label: 'Giấy tờ cần chứng thực chữ ký', pages: 1, version: 1 },
  ],
  sets: 1,
  receivedAt: '2026-03-10T01:05:00.000Z',
  dueAt: '2026-03-10T10:00:00.000Z',
  resultDelivery: 'Tại Bộ phận Một cửa',
};

export const REPORT: ReportResponse = {
  from: '2026-01',
  to: '2026-02',
  unit: null,
  rows: [
    { month: '2026-01', unitCode: '05716', procedureCode: '2.000884', received: 3, online: 2, desk: 1, onlineShare: 2 / 3, finished: 2, onTime: 1, onTimeRate: 0.5 },
    { month: '2026-02', unitCode: '05716', procedureCode: '2.000884', received: 1, online: 1, desk: 0, onlineShare: 1, finished: 1, onTime: 1, onTimeRate: 1 },
    { month: '2026-02', unitCode: '05533', procedureCode: '1.001193', received: 4, online: 1, desk: 3, onlineShare: 0.25, finished: 0, onTime: 0, onTimeRate: null },
  ],
  months: [
    { month: '2026-01', received: 3, online: 2, desk: 1, onlineShare: 2 / 3, finished: 2, onTime: 1, onTimeRate: 0.5 },
    { month: '2026-02', received: 5, online: 2, desk: 3, onlineShare: 0.4, finished: 1, onTime: 1, onTimeRate: 1 },
  ],
  total: { received: 8, online: 4, desk: 4, onlineShare: 0.5, finished: 3, onTime: 2, onTimeRate: 2 / 3 },
};

type Handler = (url: URL, init: RequestInit | undefined) => unknown | Response;

/** Installs a fetch that answers `METHOD /path` from the handlers (JSON 200), 404 otherwise. */
export function fakeApi(handlers: Record<string, Handler>) {
  const calls: { method: string; url: URL; body: unknown; headers: Record<string, string> }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://desk.test');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    calls.push({ method, url, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) return new Response(JSON.stringify({ error: 'not_found', message: 'Không tìm thấy.' }), { status: 404 });
    const out = await handler(url, init);
    return out instanceof Response ? out : new Response(JSON.stringify(out), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** i18n with the staff words, and no answer left over from another test. */
export async function setupStaffTest(): Promise<void> {
  await initI18n('vi');
  await loadStaffMessages('vi');
  clearReadCache();
  resetReference();
}
