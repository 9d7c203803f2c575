// One input per field type of the catalog: the keyboard fits the data (numbers for phone, ID
// and amounts), dates use the phone's date picker, choices its own list.
import type { FieldDef, Unit } from '@hsc/shared/schemas';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import type { ControlProps } from './FieldRow.tsx';
import { UnitSelect } from './UnitPicker.tsx';

export interface FieldControlProps {
  type: FieldDef['type'] | 'email' | 'name';
  path: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  control: ControlProps;
  options?: FieldDef['options'];
  units?: Unit[];
  max?: string;
  autoComplete?: string;
}

export function FieldControl({ type, path, value, onChange, onBlur, control, options, units, max, autoComplete }: FieldControlProps) {
  const { t, lang } = useLang();
  const common = {
    ...control,
    className: 'input',
    'data-testid': `field-${path}`,
    value,
    onBlur,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  switch (type) {
    case 'choice':
      return (
        <select {...common}>
          <option value="">{t('form.choose')}</option>
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {localized(o.label, lang)}
            </option>
          ))}
        </select>
      );
    case 'unit':
      return <UnitSelect units={units ?? []} value={value} onChange={onChange} onBlur={onBlur} testId={`field-${path}`} control={control} />;
    case 'date':
      return <input {...common} type="date" max={max} />;
    case 'phone':
      return <input {...common} type="tel" inputMode="numeric" autoComplete={autoComplete ?? 'off'} />;
    case 'citizenId':
      return <input {...common} type="text" inputMode="numeric" autoComplete="off" maxLength={15} />;
    case 'number':
      return <input {...common} type="text" inputMode="numeric" autoComplete="off" />;
    case 'email':
      return <input {...common} type="email" inputMode="email" autoComplete={autoComplete ?? 'email'} />;
    default:
      return <input {...common} type="text" autoComplete={autoComplete ?? 'off'} />;
  }
}
