// The 92 communes and wards: a native select (the phone's own picker), grouped and sorted by
// place name, with a filter box that ignores tones.
import { matchesQuery } from '@hsc/shared/fold';
import type { Unit } from '@hsc/shared/schemas';
import { useMemo, useState } from 'react';
import { useLang } from '../hooks/useLang.ts';
import type { ControlProps } from './FieldRow.tsx';

const placeName = (u: Unit) => u.name.replace(/^(Phường|Xã)\s+/u, '');

export function sortUnits(units: Unit[]): Unit[] {
  return [...units].sort((a, b) => placeName(a).localeCompare(placeName(b), 'vi'));
}

export function UnitSelect({
  units,
  value,
  onChange,
  onBlur,
  testId,
  control,
}: {
  units: Unit[];
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  testId: string;
  control: ControlProps;
}) {
  const { t } = useLang();
  const sorted = useMemo(() => sortUnits(units), [units]);
  const groups: [string, Unit[]][] = [
    [t('form.wards'), sorted.filter((u) => u.type === 'ward')],
    [t('form.communes'), sorted.filter((u) => u.type === 'commune')],
  ];
  return (
    <select {...control} className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur}>
      <option value="">{t('form.unitChoose')}</option>
      {groups.map(([label, list]) =>
        list.length ? (
          <optgroup key={label} label={label}>
            {list.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </optgroup>
        ) : null,
      )}
    </select>
  );
}

/** The unit picker of the dossier: filter box + select. The chosen unit stays listed. */
export function UnitPicker(props: Parameters<typeof UnitSelect>[0]) {
  const { t } = useLang();
  const [filter, setFilter] = useState('');
  const shown = useMemo(
    () => (filter.trim() ? props.units.filter((u) => u.code === props.value || matchesQuery(filter, u.name)) : props.units),
    [filter, props.units, props.value],
  );
  return (
    <>
      <input
        type="search"
        className="input input-filter"
        data-testid="unit-filter"
        placeholder={t('form.unitFilter')}
        aria-label={t('form.unitFilter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <UnitSelect {...props} units={shown} />
    </>
  );
}
