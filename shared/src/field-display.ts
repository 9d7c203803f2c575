// A dossier's form values as people read them: option names instead of values, dates as
// dd/mm/yyyy, a group as its rows. One function for the desk's screen and the printed Mẫu 01,
// so the officer reads on paper exactly what the screen showed.
import { z } from 'zod';
import type { Lang } from './messages.ts';
import type { FieldDef, FieldValue, FieldValues, Procedure, SubFieldDef } from './schemas.ts';
import { groupRows, isShown } from './validate.ts';

export const ShownValue = z.object({ label: z.string(), value: z.string() });
export type ShownValue = z.infer<typeof ShownValue>;
/** A field as shown: its text, or (a group) one list of sub-field values per row. */
export const ShownField = z.object({ key: z.string(), label: z.string(), value: z.string().optional(), rows: z.array(z.array(ShownValue)).optional() });
export type ShownField = z.infer<typeof ShownField>;

/** How a yes/no answer reads: `yesNo` of shared/locales/<lang>/common.json. */
export type YesNoWords = Readonly<Record<'yes' | 'no', string>>;

/** `YYYY-MM-DD` as `dd/mm/yyyy`; anything else as it is. */
const dmy = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v);

export function displayValue(
  def: Pick<FieldDef | SubFieldDef, 'type' | 'options'> | undefined,
  value: string,
  lang: Lang,
  yesNo: YesNoWords,
  unitName?: (code: string) => string | undefined,
): string {
  switch (def?.type) {
    case 'choice':
    case 'select':
      return def.options?.find((o) => o.value === value)?.label[lang] ?? value;
    case 'yesNo':
      return value === 'yes' || value === 'no' ? yesNo[value] : value;
    case 'date':
      return dmy(value);
    case 'unit':
      return unitName?.(value) ?? value;
    default:
      return value;
  }
}

const text = (v: FieldValue | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * The fields that were filled, in the procedure's order (conditions applied), then any value
 * the procedure does not know (an older or newer form), under its key.
 */
export function shownFields(
  procedure: Pick<Procedure, 'fields'> | undefined,
  fields: FieldValues,
  lang: Lang,
  yesNo: YesNoWords,
  unitName?: (code: string) => string | undefined,
): ShownField[] {
  const defs = procedure?.fields ?? [];
  const out: ShownField[] = [];
  for (const def of defs) {
    if (!(def.key in fields) || !isShown(def, fields)) continue;
    const label = def.label[lang];
    if (def.type === 'group') {
      const rows = groupRows(fields[def.key]).map((row) =>
        (def.fields ?? []).filter((sub) => isShown(sub, row) && text(row[sub.key])).map((sub) => ({ label: sub.label[lang], value: displayValue(sub, text(row[sub.key]), lang, yesNo, unitName) })),
      );
      if (rows.length) out.push({ key: def.key, label, rows });
    } else if (text(fields[def.key])) {
      out.push({ key: def.key, label, value: displayValue(def, text(fields[def.key]), lang, yesNo, unitName) });
    }
  }
  for (const [key, v] of Object.entries(fields)) {
    if (defs.some((d) => d.key === key)) continue;
    if (typeof v === 'string') out.push({ key, label: key, value: v });
    else out.push({ key, label: key, rows: v.map((row) => Object.entries(row).map(([k, x]) => ({ label: k, value: x }))) });
  }
  return out;
}
