// What a person would type and photograph, made up from the procedure's own definition (the
// shared seed catalog), so every dossier is one the server accepts: the harness tests delivery,
// not validation. Seeded: the same seed gives the same dossiers and the same bytes.
import { SEED_CATALOG, type FieldDef, type Procedure } from '@hsc/shared';

export type Random = () => number;

/** Communes the dossiers go to (seed units): several agencies, so several daily sequences. */
export const UNIT_CODES = ['05716', '01849', '05533'] as const;

export interface PageSpec {
  slot: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface DossierSpec {
  procedureCode: string;
  /** DraftPath → value, as the form writes them. */
  patch: Record<string, string>;
  pages: PageSpec[];
}

const pick = <T>(rand: Random, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (rand: Random, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

function fieldValue(f: FieldDef, rand: Random): string {
  switch (f.type) {
    case 'group':
      throw new Error('the chaos content fills flat forms only');
    case 'longText':
    case 'email':
      return f.type === 'email' ? 'an@example.vn' : 'Xin xác nhận giúp gia đình tôi.';
    case 'yesNo':
      return pick(rand, ['yes', 'no']);
    case 'text':
      return pick(rand, ['Giấy ủy quyền', 'Nguyễn Văn An', 'Số 12, tổ 3', 'Hợp đồng mua bán xe máy']);
    case 'date':
      return `20${10 + Math.floor(rand() * 14)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`;
    case 'choice':
    case 'select':
      return pick(rand, f.options ?? []).value;
    case 'phone':
      return `09${digits(rand, 8)}`;
    case 'citizenId':
      // The fourth digit is the century/sex digit: 0-3 for people alive today (shared validate).
      return `019${Number(digits(rand, 1)) % 4}${digits(rand, 8)}`;
    case 'unit':
      return pick(rand, UNIT_CODES);
    case 'number':
      return String(1 + Math.floor(rand() * 9));
  }
}

/** Random bytes of 20-300 KB: incompressible, so a single flipped or lost byte cannot hide. */
function pageBytes(rand: Random): Uint8Array<ArrayBuffer> {
  const size = 20 * 1024 + Math.floor(rand() * 280 * 1024);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 4) {
    const v = Math.floor(rand() * 2 ** 32);
    out[i] = v & 0xff;
    out[i + 1] = (v >>> 8) & 0xff;
    out[i + 2] = (v >>> 16) & 0xff;
    out[i + 3] = v >>> 24;
  }
  return out;
}

/** Required slots first (one page each), then extra pages in any slot with room. */
function slotsFor(p: Procedure, count: number, rand: Random): string[] {
  const slots = p.documents.filter((d) => d.required).map((d) => d.key);
  while (slots.length < count) {
    const open = p.documents.filter((d) => slots.filter((s) => s === d.key).length < d.maxPages);
    slots.push(pick(rand, open).key);
  }
  return slots;
}

export function makeDossier(rand: Random): DossierSpec {
  const count = 1 + Math.floor(rand() * 3);
  // Any seed procedure with a flat form whose required documents fit in `count` pages.
  const flat = (f: FieldDef) => f.type !== 'group' && !f.showIf && !f.pattern && f.min === undefined && f.max === undefined;
  const procedure = pick(rand, SEED_CATALOG.filter((p) => p.fields.every(flat) && p.documents.filter((d) => d.required).length <= count));
  const patch: Record<string, string> = {
    unitCode: pick(rand, UNIT_CODES),
    'applicant.fullName': pick(rand, ['Hoàng Thị Lan', 'Nguyễn Văn Bình', 'Lò Thị Mai', 'Ma Văn Dũng']),
    'applicant.phone': `09${digits(rand, 2)} ${digits(rand, 3)} ${digits(rand, 3)}`,
    'applicant.citizenId': `019 ${Number(digits(rand, 1)) % 4}${digits(rand, 2)} ${digits(rand, 6)}`,
    'applicant.address': 'Xóm Làng Lường, xã Võ Nhai',
  };
  for (const f of procedure.fields) if (f.required || rand() < 0.5) patch[`fields.${f.key}`] = fieldValue(f, rand);
  const pages = slotsFor(procedure, count, rand).map((slot, i) => ({ slot, fileName: `${slot}-${i + 1}.jpg`, mediaType: 'image/jpeg', bytes: pageBytes(rand) }));
  return { procedureCode: procedure.code, patch, pages };
}
