// What ProcedureFields reads and writes, whatever keeps it: the citizen's draft in IndexedDB
// (DraftEditor) or plain memory (the administrator's live preview). Paths are the form's and the
// validation's: `fields.<key>` and `fields.<group>.<row>.<sub>` with the row's position.
import type { FieldDef, FieldValues } from '@hsc/shared/schemas';
import { useMemo, useState } from 'react';
import { addRowPatch, fieldValues, initialRows, removeRowPatch, rowIds, storageKey, type FlatFields } from '../../db/draftValues.ts';

export interface FieldsState {
  get(path: string): string;
  set(path: string, value: string): void;
  rowCount(group: string): number;
  addRow(group: string): void;
  removeRow(group: string, index: number): void;
  /** What would be sent: groups as rows, fields whose condition does not hold left out. */
  values: FieldValues;
}

const PREFIX = 'fields.';
const keyOf = (path: string) => (path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path);

/**
 * The state over a flat store of values keyed as in DossierRecord.fields (see db/draftValues.ts).
 * Groups with no rows yet show their first rows at once; `write` stores them with the first change.
 */
export function fieldsState(fields: readonly FieldDef[], stored: FlatFields, write: (patch: Record<string, string>) => void): FieldsState {
  const first = initialRows(fields, stored);
  const flat: FlatFields = Object.keys(first).length ? { ...first, ...stored } : stored;
  const writeAll = (patch: Record<string, string>) => write({ ...first, ...patch });
  return {
    get: (path) => {
      const key = storageKey(flat, keyOf(path));
      return key === undefined ? '' : (flat[key] ?? '');
    },
    set: (path, value) => {
      const key = storageKey(flat, keyOf(path));
      if (key !== undefined) writeAll({ [key]: value });
    },
    rowCount: (group) => rowIds(flat, group).length,
    addRow: (group) => writeAll(addRowPatch(flat, group)),
    removeRow: (group, index) => writeAll(removeRowPatch(flat, group, index)),
    values: fieldValues(flat, fields),
  };
}

/** Form state kept in memory only: the same form with nothing stored (the live preview). */
export function useMemoryFields(fields: readonly FieldDef[]): FieldsState {
  const [stored, setStored] = useState<Record<string, string>>({});
  return useMemo(() => fieldsState(fields, stored, (patch) => setStored((s) => ({ ...s, ...patch }))), [fields, stored]);
}

/** The state over the draft editor's values (`useDraft`): the `fields.*` paths, written as they change. */
export function useDraftFields(fields: readonly FieldDef[], values: Readonly<Record<string, string>>, setMany: (patch: Record<string, string>) => void): FieldsState {
  const stored = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [path, v] of Object.entries(values)) if (path.startsWith(PREFIX)) out[path.slice(PREFIX.length)] = v;
    return out;
  }, [values]);
  return useMemo(
    () => fieldsState(fields, stored, (patch) => setMany(Object.fromEntries(Object.entries(patch).map(([k, v]) => [PREFIX + k, v])))),
    [fields, stored, setMany],
  );
}
