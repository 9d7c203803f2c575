// How a draft keeps a procedure's values: one flat string per key, so every change is one small
// write and two tabs editing one draft merge instead of forking (patchDraft). A group's rows are
// kept under row ids that never change: `<group>.#` lists the ids in order ("r1 5f3a9c0e") and
// each value lives at `<group>.<rowId>.<sub>`. Removing a row takes its id out of the list and
// clears its values, so nothing ever slides from one row into another, not even while a second
// tab is typing in a later row. The form and the server speak of rows by position
// (`members.0.name`); only this file knows the ids.
import type { FieldDef, FieldValues, SubFieldDef } from '@hsc/shared/schemas';
import { isShown } from '@hsc/shared/validate';
import { newId } from './ids.ts';

export type FlatFields = Readonly<Record<string, string>>;
type Fields = readonly Pick<FieldDef, 'key' | 'type' | 'showIf' | 'fields' | 'minRows' | 'required'>[];

/** The key listing a group's row ids. `#` cannot be a field key, so it never meets a value. */
export const rowsKey = (group: string): string => `${group}.#`;

export function rowIds(flat: FlatFields, group: string): string[] {
  return (flat[rowsKey(group)] ?? '').split(' ').filter(Boolean);
}

/** A new row's id: random, so rows added in two tabs never share one. */
export function newRowId(): string {
  return newId().slice(0, 8);
}

/** The rows a group starts with: its minimum (1 when required), never below. */
export function minRowsOf(f: Pick<FieldDef, 'minRows' | 'required'>): number {
  return Math.max(f.minRows ?? 0, f.required ? 1 : 0);
}

/**
 * The first rows of groups that have none yet. Their ids are fixed (`r1`, `r2`...), so two tabs
 * opening the same new draft write the same rows instead of two different ones.
 */
export function initialRows(fields: Fields, flat: FlatFields): Record<string, string> {
  const patch: Record<string, string> = {};
  for (const f of fields) {
    const n = f.type === 'group' ? minRowsOf(f) : 0;
    if (n > 0 && flat[rowsKey(f.key)] === undefined) patch[rowsKey(f.key)] = Array.from({ length: n }, (_, i) => `r${i + 1}`).join(' ');
  }
  return patch;
}

/** A form key (`name`, or `members.0.name` for row 0) as stored; undefined for a row that is not there. */
export function storageKey(flat: FlatFields, key: string): string | undefined {
  const [group = '', index, sub] = key.split('.');
  if (index === undefined) return key;
  const id = rowIds(flat, group)[Number(index)];
  return id !== undefined && sub ? `${group}.${id}.${sub}` : undefined;
}

/** The writes that add a row at the end. */
export function addRowPatch(flat: FlatFields, group: string): Record<string, string> {
  return { [rowsKey(group)]: [...rowIds(flat, group), newRowId()].join(' ') };
}

/** The writes that remove row `index`: its id leaves the list and its values are cleared. */
export function removeRowPatch(flat: FlatFields, group: string, index: number): Record<string, string> {
  const ids = rowIds(flat, group);
  const id = ids[index];
  if (id === undefined) return {};
  const patch: Record<string, string> = { [rowsKey(group)]: ids.filter((_, i) => i !== index).join(' ') };
  for (const k of Object.keys(flat)) if (k.startsWith(`${group}.${id}.`)) patch[k] = '';
  return patch;
}

function row(flat: FlatFields, group: string, id: string, subs: readonly SubFieldDef[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${group}.${id}.`;
  if (!subs) {
    for (const [k, v] of Object.entries(flat)) if (k.startsWith(prefix) && v) out[k.slice(prefix.length)] = v;
    return out;
  }
  for (const s of subs) {
    const v = flat[prefix + s.key];
    if (v && isShown(s, out)) out[s.key] = v;
  }
  return out;
}

/**
 * The values as the server receives them: groups as rows. Given the procedure's fields, only
 * what is on the form goes, in its order: a field whose condition does not hold is left out
 * (its value stays in the draft), and so are keys the procedure does not have. Conditions look
 * at earlier fields only, so deciding in order sees exactly what the form shows.
 */
export function fieldValues(flat: FlatFields, fields?: Fields): FieldValues {
  const out: FieldValues = {};
  if (!fields) {
    for (const [k, v] of Object.entries(flat)) {
      if (!k.includes('.') && v) out[k] = v;
      else if (k.endsWith('.#')) {
        const group = k.slice(0, -2);
        const ids = rowIds(flat, group);
        if (ids.length) out[group] = ids.map((id) => row(flat, group, id, undefined));
      }
    }
    return out;
  }
  for (const f of fields) {
    if (!isShown(f, out)) continue;
    if (f.type === 'group') {
      const ids = rowIds(flat, f.key);
      if (ids.length) out[f.key] = ids.map((id) => row(flat, f.key, id, f.fields));
    } else if (flat[f.key]) out[f.key] = flat[f.key]!;
  }
  return out;
}

/**
 * The draft's values carried to a new version of its procedure: every value whose key (and,
 * in a group, sub-key) the new version still has is kept; the rest is dropped.
 */
export function carryOver(flat: FlatFields, fields: Fields): Record<string, string> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(flat)) {
    const [key = '', id, sub] = k.split('.');
    const f = byKey.get(key);
    if (!f) continue;
    if (id === undefined) {
      if (f.type !== 'group') out[k] = v;
    } else if (f.type === 'group' && (id === '#' || f.fields?.some((s) => s.key === sub))) out[k] = v;
  }
  return { ...out, ...initialRows(fields, out) };
}
