import type { FieldDef } from '@hsc/shared/schemas';
import { describe, expect, it } from 'vitest';
import { addRowPatch, carryOver, fieldValues, initialRows, removeRowPatch, storageKey } from './draftValues.ts';

const L = (vi: string) => ({ vi, en: vi });
const FIELDS: FieldDef[] = [
  { key: 'married', type: 'yesNo', required: true, label: L('Đã kết hôn') },
  { key: 'spouse', type: 'text', required: true, label: L('Tên vợ/chồng'), showIf: { field: 'married', equals: 'yes' } },
  {
    key: 'kids',
    type: 'group',
    required: false,
    minRows: 2,
    label: L('Con'),
    fields: [
      { key: 'name', type: 'text', required: true, label: L('Tên') },
      { key: 'school', type: 'yesNo', required: false, label: L('Đi học') },
      { key: 'grade', type: 'number', required: false, label: L('Lớp'), showIf: { field: 'school', equals: 'yes' } },
    ],
  },
];

const apply = (flat: Record<string, string>, patch: Record<string, string>) => {
  const out = { ...flat };
  for (const [k, v] of Object.entries(patch)) if (v === '') delete out[k];
  else out[k] = v;
  return out;
};

describe('a draft’s flat values', () => {
  it('start a group with its minimum rows under fixed ids, so two tabs make the same rows', () => {
    expect(initialRows(FIELDS, {})).toEqual({ 'kids.#': 'r1 r2' });
    expect(initialRows(FIELDS, { 'kids.#': 'r1' })).toEqual({});
  });

  it('name rows by position outside and by id inside; removing a row never moves a value into another row', () => {
    let flat: Record<string, string> = { 'kids.#': 'r1 r2', 'kids.r1.name': 'An', 'kids.r2.name': 'Bình' };
    flat = apply(flat, addRowPatch(flat, 'kids'));
    flat[storageKey(flat, 'kids.2.name')!] = 'Chi';
    flat = apply(flat, removeRowPatch(flat, 'kids', 1));
    expect(storageKey(flat, 'kids.1.name')).toMatch(/^kids\.[0-9a-f]{8}\.name$/);
    expect(fieldValues(flat, FIELDS).kids).toEqual([{ name: 'An' }, { name: 'Chi' }]);
    expect(Object.values(flat)).not.toContain('Bình');
    // A second tab still typing into the removed row writes to a row no one lists: it is never sent.
    expect(fieldValues({ ...flat, 'kids.r2.name': 'Bình (tab 2)' }, FIELDS).kids).toEqual([{ name: 'An' }, { name: 'Chi' }]);
    expect(storageKey(flat, 'kids.5.name')).toBeUndefined();
  });

  it('send only what the form shows: conditions decided in order, unknown keys left out', () => {
    const flat = { married: 'no', spouse: 'Hoa', 'kids.#': 'r1', 'kids.r1.name': 'An', 'kids.r1.school': 'no', 'kids.r1.grade': '3', old: 'x' };
    expect(fieldValues(flat, FIELDS)).toEqual({ married: 'no', kids: [{ name: 'An', school: 'no' }] });
    expect(fieldValues({ ...flat, married: 'yes', 'kids.r1.school': 'yes' }, FIELDS)).toEqual({ married: 'yes', spouse: 'Hoa', kids: [{ name: 'An', school: 'yes', grade: '3' }] });
  });

  it('decode without the procedure for dossiers from before versions', () => {
    expect(fieldValues({ name: 'An', 'kids.#': 'a', 'kids.a.name': 'Bình', 'kids.b.name': 'lost' })).toEqual({ name: 'An', kids: [{ name: 'Bình' }] });
  });

  it('carry to a new version what it still asks for', () => {
    const next: FieldDef[] = [
      { key: 'married', type: 'yesNo', required: true, label: L('Đã kết hôn') },
      { key: 'kids', type: 'group', required: true, label: L('Con'), fields: [{ key: 'name', type: 'text', required: true, label: L('Tên') }] },
      { key: 'pets', type: 'group', required: true, label: L('Vật nuôi'), fields: [{ key: 'kind', type: 'text', required: true, label: L('Loài') }] },
    ];
    const flat = { married: 'yes', spouse: 'Hoa', 'kids.#': 'r1', 'kids.r1.name': 'An', 'kids.r1.school': 'yes' };
    expect(carryOver(flat, next)).toEqual({ married: 'yes', 'kids.#': 'r1', 'kids.r1.name': 'An', 'pets.#': 'r1' });
  });
});
