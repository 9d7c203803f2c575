// What is wrong with a procedure or a catalog file, in the administrator's language, each named
// by where it is (`procedures[12].fields[3].type`), so a 300-procedure file can be fixed at once.
import type { z } from 'zod';
import type { Lang } from './messages.ts';
import type { CatalogRule } from './procedure.ts';

export interface CatalogProblem {
  path: string;
  message: string;
}

type Words = Record<CatalogRule | 'missing' | 'type' | 'tooSmall' | 'tooBig' | 'format' | 'value' | 'unknownKeys' | 'invalid' | 'duplicateCode' | 'unknownTemplate', string>;

const WORDS: Record<Lang, Words> = {
  vi: {
    duplicateKey: 'Mã "{key}" bị dùng hai lần.',
    needsOptions: 'Mục chọn cần có ít nhất một lựa chọn.',
    duplicateOption: 'Lựa chọn "{value}" bị lặp.',
    badPattern: 'Mẫu kiểm tra (biểu thức chính quy) không hợp lệ.',
    minAboveMax: 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất.',
    conditionTarget: 'Điều kiện phải dựa vào một mục đứng trước; không có mục "{key}".',
    conditionOnGroup: 'Điều kiện không thể dựa vào một nhóm nhiều dòng.',
    nestedGroup: 'Một nhóm không được chứa nhóm khác.',
    emptyGroup: 'Nhóm cần có ít nhất một mục con.',
    subFieldsOutsideGroup: 'Chỉ mục kiểu nhóm mới có mục con.',
    missing: 'Thiếu mục này.',
    type: 'Sai kiểu dữ liệu (cần {expected}).',
    tooSmall: 'Quá ngắn hoặc quá nhỏ (tối thiểu {minimum}).',
    tooBig: 'Quá dài hoặc quá lớn (tối đa {maximum}).',
    format: 'Không đúng định dạng.',
    value: 'Giá trị không được chấp nhận (dùng một trong: {values}).',
    unknownKeys: 'Có mục không được biết: {keys}.',
    invalid: 'Giá trị không hợp lệ.',
    duplicateCode: 'Mã thủ tục "{key}" xuất hiện hai lần trong tệp.',
    unknownTemplate: 'Không tìm thấy tệp mẫu này trên máy chủ; hãy tải tệp mẫu lên trước.',
  },
  en: {
    duplicateKey: 'The key "{key}" is used twice.',
    needsOptions: 'A choice needs at least one option.',
    duplicateOption: 'The option "{value}" is listed twice.',
    badPattern: 'The pattern (regular expression) is not valid.',
    minAboveMax: 'The minimum is larger than the maximum.',
    conditionTarget: 'A condition must look at an earlier field; there is no "{key}".',
    conditionOnGroup: 'A condition cannot look at a repeating group.',
    nestedGroup: 'A group cannot hold another group.',
    emptyGroup: 'A group needs at least one sub-field.',
    subFieldsOutsideGroup: 'Only a group has sub-fields.',
    missing: 'This is missing.',
    type: 'Wrong kind of value (expected {expected}).',
    tooSmall: 'Too short or too small (at least {minimum}).',
    tooBig: 'Too long or too large (at most {maximum}).',
    format: 'Not in the expected format.',
    value: 'Not an accepted value (use one of: {values}).',
    unknownKeys: 'Unknown entries: {keys}.',
    invalid: 'Not a valid value.',
    duplicateCode: 'The procedure code "{key}" appears twice in the file.',
    unknownTemplate: 'This template file is not on the server; upload the template first.',
  },
};

export type PathStyle = 'brackets' | 'dots';

/** `['procedures', 12, 'fields', 3, 'type']` as `procedures[12].fields[3].type` (or with dots). */
export function formatPath(path: readonly PropertyKey[], style: PathStyle = 'brackets'): string {
  return path.reduce<string>((out, p) => {
    if (typeof p === 'number') return style === 'brackets' ? `${out}[${p}]` : out ? `${out}.${p}` : String(p);
    return out ? `${out}.${String(p)}` : String(p);
  }, '');
}

export function catalogWord(lang: Lang, word: keyof Words, params: Record<string, unknown> = {}): string {
  return WORDS[lang][word].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function describe(lang: Lang, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom': {
      const rule = issue.params?.['rule'] as CatalogRule | undefined;
      return rule ? catalogWord(lang, rule, issue.params) : catalogWord(lang, 'invalid');
    }
    case 'invalid_type':
      return issue.input === undefined ? catalogWord(lang, 'missing') : catalogWord(lang, 'type', { expected: issue.expected });
    case 'too_small':
      return catalogWord(lang, 'tooSmall', { minimum: issue.minimum });
    case 'too_big':
      return catalogWord(lang, 'tooBig', { maximum: issue.maximum });
    case 'invalid_format':
      return catalogWord(lang, 'format');
    case 'invalid_value':
      return catalogWord(lang, 'value', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return catalogWord(lang, 'unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return catalogWord(lang, 'invalid');
  }
}

/** Every problem zod found, with its path and plain words. */
export function catalogProblems(error: z.ZodError, lang: Lang, style: PathStyle = 'brackets', prefix: readonly PropertyKey[] = []): CatalogProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path], style), message: describe(lang, issue) }));
}
