// The province viewer's choice of commune or ward (queue and figures): every unit by name,
// or all of them.
import { useMemo } from 'react';
import { useReference } from './reference.ts';

interface Props {
  label: string;
  allLabel: string;
  testId: string;
  value: string;
  onChange(unitCode: string): void;
  className?: string;
}

export function UnitSelect({ label, allLabel, testId, value, onChange, className = 'field' }: Props) {
  const ref = useReference();
  const units = useMemo(() => [...ref.units.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')), [ref.units]);
  return (
    <label className={className}>
      <span className="label">{label}</span>
      <select className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
