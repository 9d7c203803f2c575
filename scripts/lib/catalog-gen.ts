// A province-sized catalog file made up from the shipped seed, for the catalog benchmark and for
// browser tests that need hundreds of procedures. Deterministic: the same size, seed and shipped
// seed catalog give the same bytes. The seed procedures come first, unchanged (an import retires whatever the file does
// not list, so a real province's file keeps them); the rest are variants of them, as a provincial
// list really reads: "Đăng ký khai sinh có yếu tố nước ngoài", "... lưu động", "... cấp lại do bị
// mất, hỏng", each with its own code, a few fields more or less, its own fee and time.
import { CATALOG_FORMAT, CatalogFile, SEED_PROCEDURES, type CatalogFileEntry, type FieldDef, type FieldOption, type ProcedureDef } from '@hsc/shared';

/** mulberry32: small, fast and good enough to pick templates and words. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const L = (vi: string, en: string) => ({ vi, en });
const opt = (value: string, vi: string, en: string): FieldOption => ({ value, label: L(vi, en) });

/** The cases a provincial list splits one procedure into; the words are those of real lists. */
const VARIANTS: { vi: string; en: string; keyword?: string }[] = [
  { vi: 'có yếu tố nước ngoài', en: 'with a foreign element', keyword: 'người nước ngoài' },
  { vi: 'lưu động', en: 'by a mobile team', keyword: 'làm tại nhà' },
  { vi: 'tại khu vực biên giới', en: 'in the border area', keyword: 'biên giới' },
  { vi: 'cho người đã có hồ sơ, giấy tờ cá nhân', en: 'for a person who already has personal papers' },
  { vi: 'theo thủ tục liên thông', en: 'through the joined-up procedure', keyword: 'liên thông' },
  { vi: 'cho người đang cư trú ở nước ngoài', en: 'for a person living abroad', keyword: 'ở nước ngoài' },
  { vi: 'đối với trường hợp quá hạn', en: 'after the deadline', keyword: 'quá hạn' },
  { vi: 'thông qua người được ủy quyền', en: 'through an authorised person', keyword: 'ủy quyền' },
  { vi: 'trên Cổng Dịch vụ công quốc gia', en: 'on the National Public Service Portal', keyword: 'nộp trực tuyến' },
  { vi: 'cho đồng bào dân tộc thiểu số', en: 'for ethnic minority people', keyword: 'dân tộc thiểu số' },
  { vi: 'cấp lại do bị mất, hỏng', en: 'reissued after loss or damage', keyword: 'bị mất' },
  { vi: 'cho người thuộc hộ nghèo', en: 'for people of poor households', keyword: 'hộ nghèo' },
];

const FIXED_FEES = [8_000, 10_000, 15_000, 20_000, 30_000, 50_000, 100_000];
const vnd = (n: number) => n.toLocaleString('vi-VN');

/** Fields a variant may ask for on top of its template's; the third shows a condition. */
const EXTRA_FIELDS: FieldDef[][] = [
  [{ key: 'contactEmail', type: 'email', required: false, label: L('Thư điện tử nhận thông báo (nếu có)', 'Email for notices (if any)') }],
  [{ key: 'extraNote', type: 'longText', required: false, max: 500, label: L('Ghi chú thêm cho cán bộ (nếu có)', 'A note for the officer (if any)') }],
  [
    { key: 'wantsCopies', type: 'yesNo', required: true, label: L('Có cần cấp thêm bản sao không?', 'Do you need extra copies?') },
    {
      key: 'copyCount',
      type: 'number',
      required: true,
      min: 1,
      max: 10,
      label: L('Số bản sao cần cấp', 'How many copies'),
      hint: L('Từ 1 đến 10 bản', 'From 1 to 10'),
      showIf: { field: 'wantsCopies', equals: 'yes' },
    },
  ],
];

/** A repeating group, added to a few variants (most groups come with their seed templates). */
const EXTRA_GROUP: FieldDef[] = [
  {
    key: 'relatedPeople',
    type: 'group',
    required: false,
    minRows: 0,
    maxRows: 10,
    label: L('Người có liên quan', 'People concerned'),
    hint: L('Mỗi người một dòng', 'One row per person'),
    fields: [
      { key: 'fullName', type: 'text', required: true, label: L('Họ và tên', 'Full name') },
      { key: 'birthDate', type: 'date', required: false, past: true, label: L('Ngày sinh', 'Date of birth') },
      {
        key: 'relationship',
        type: 'choice',
        required: true,
        label: L('Quan hệ với người nộp hồ sơ', 'Relationship to you'),
        options: [opt('spouse', 'Vợ hoặc chồng', 'Husband or wife'), opt('child', 'Con', 'Son or daughter'), opt('parent', 'Cha hoặc mẹ', 'Father or mother'), opt('other', 'Người khác', 'Someone else')],
      },
    ],
  },
];

/** A variant's own code: shaped like the national database's (1.0xxxxx, 2.0xxxxx), never a seed's. */
function codeFor(rand: () => number, taken: Set<string>): string {
  for (;;) {
    const code = `${rand() < 0.7 ? 1 : 2}.${String(Math.floor(rand() * 20_000)).padStart(6, '0')}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function variantOf(t: ProcedureDef, v: (typeof VARIANTS)[number], code: string, rand: () => number): CatalogFileEntry {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  // Drop one optional field that no other field depends on, sometimes.
  const targets = new Set(t.fields.flatMap((f) => (f.showIf ? [f.showIf.field] : [])));
  const droppable = t.fields.filter((f) => !f.required && !targets.has(f.key));
  const dropped = droppable.length && rand() < 0.3 ? pick(droppable).key : undefined;
  const keys = new Set(t.fields.map((f) => f.key));
  const extras = (rand() < 0.6 ? pick(EXTRA_FIELDS) : rand() < 0.1 ? EXTRA_GROUP : []).filter((f) => !keys.has(f.key));
  const fields = [...t.fields.filter((f) => f.key !== dropped), ...extras];

  const entry: CatalogFileEntry = {
    ...structuredClone(t),
    code,
    verified: false,
    name: L(`${t.name.vi} ${v.vi}`, `${t.name.en} ${v.en}`),
    keywords: [...(t.keywords ?? []).filter(() => rand() < 0.8), ...(v.keyword ? [v.keyword] : [])],
    fields,
    documents: t.documents.map((d) => ({ ...d, maxPages: Math.max(1, d.maxPages + Math.floor(rand() * 3) - 1) })),
  };
  if (t.feeRule?.kind === 'fixed') {
    const amount = pick(FIXED_FEES);
    entry.feeRule = { kind: 'fixed', amount };
    entry.fee = L(`${vnd(amount)} đồng`, `${vnd(amount)} VND`);
  }
  if (t.processingDays > 0) {
    const days = Math.max(1, t.processingDays + Math.floor(rand() * 5) - 2);
    entry.processingDays = days;
    entry.processingTime = L(`${days} ngày làm việc kể từ ngày nhận đủ hồ sơ`, `${days} working days from a complete dossier`);
  }
  if (!entry.keywords!.length) delete entry.keywords;
  return entry;
}

/** The catalog file: the seed as shipped, then variants up to `size` procedures. */
export function generateCatalog({ size = 300, seed = 1 }: { size?: number; seed?: number } = {}): CatalogFile {
  const rand = prng(seed);
  const pairs = SEED_PROCEDURES.flatMap((t) => VARIANTS.map((v) => ({ t, v })));
  if (size < SEED_PROCEDURES.length || size > SEED_PROCEDURES.length + pairs.length) {
    throw new Error(`catalog size must be ${SEED_PROCEDURES.length}..${SEED_PROCEDURES.length + pairs.length}`);
  }
  // Fisher-Yates with the seeded generator: which template meets which case is the seed's choice.
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  const taken = new Set(SEED_PROCEDURES.map((p) => p.code));
  const variants = pairs.slice(0, size - SEED_PROCEDURES.length).map(({ t, v }) => variantOf(t, v, codeFor(rand, taken), rand));
  // Parsed here so that a generator mistake fails at once, not as an import refusal later.
  return CatalogFile.parse({ format: CATALOG_FORMAT, formatVersion: 1, procedures: [...structuredClone(SEED_PROCEDURES), ...variants] });
}
