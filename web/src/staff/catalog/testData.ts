// Catalog answers for the editor's tests. Typed by the shared schemas, so a schema change breaks
// the fixtures, not the screens silently; written out here so the seed catalog can change freely.
import type { AdminProcedure, Localized, ProcedureDef } from '@hsc/shared/schemas';
import { user } from '../test/fixtures.ts';

export const ADMIN_SESSION = { user: user('admin'), csrfToken: 'csrf-admin' };

const L = (vi: string, en: string): Localized => ({ vi, en });

export function def(code: string, name: Localized, field: Localized, over: Partial<ProcedureDef> = {}): ProcedureDef {
  return {
    code,
    name,
    field,
    level: 3,
    processingDays: 3,
    processingTime: L('3 ngày làm việc', '3 working days'),
    fee: L('Không thu phí', 'Free'),
    feeRule: { kind: 'none' },
    where: L('Bộ phận Một cửa UBND xã', 'Commune one-stop desk'),
    fields: [{ key: 'childName', type: 'text', required: true, label: L('Họ tên của trẻ', "Child's name") }],
    documents: [{ key: 'declaration', required: true, label: L('Tờ khai', 'Form'), maxPages: 2 }],
    ...over,
  };
}

export const CIVIL = L('Hộ tịch', 'Civil status');
export const CERT = L('Chứng thực', 'Certification');
export const RESIDENCE = L('Cư trú', 'Residence');

const BIRTH = def('1.001193', L('Đăng ký khai sinh', 'Birth registration'), CIVIL, { keywords: ['giấy khai sinh'] });
const MARRIAGE = def('1.000894', L('Đăng ký kết hôn', 'Marriage registration'), CIVIL);
const SIGNATURE = def('2.000884', L('Chứng thực chữ ký', 'Signature certification'), CERT);
const RESIDENT = def('1.004222', L('Đăng ký thường trú', 'Permanent residence'), RESIDENCE);
const MARKET = def('TN.HKD.01', L('Đăng ký hộ kinh doanh (thử)', 'Household business (trial)'), L('Kinh doanh', 'Business'));

export function published(p: ProcedureDef, version: number, over: Partial<AdminProcedure> = {}): AdminProcedure {
  return { code: p.code, status: 'published', version, published: { ...p, version }, updatedAt: '2026-03-01T02:00:00.000Z', ...over };
}

/** Published, published with changes waiting, retired, and a draft never published. */
export function catalogList(): AdminProcedure[] {
  return [
    published(BIRTH, 3),
    published(MARRIAGE, 1),
    published(SIGNATURE, 2, { draft: { ...SIGNATURE, fee: L('20.000 đồng/bản', 'VND 20,000 per copy') } }),
    published(RESIDENT, 1, { status: 'retired' }),
    { code: MARKET.code, status: 'draft', version: null, draft: MARKET, updatedAt: '2026-03-02T02:00:00.000Z' },
  ];
}

export const PROCEDURES = { BIRTH, MARRIAGE, SIGNATURE, RESIDENT, MARKET };
