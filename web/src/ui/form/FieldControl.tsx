// One input per field type of the catalog: the keyboard fits the data (numbers for phone, ID
// and amounts), dates use the phone's date picker, choices its own list, yes/no two big buttons.
import type { FieldDef, Unit } from '@hsc/shared/schemas';
import { useLang } from '../hooks/useLang.ts';
import type { ControlProps } from './FieldRow.tsx';
import { OptionSelect } from './OptionSelect.tsx';
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
  const { t } = useLang();
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
    case 'select':
      return <OptionSelect path={path} options={options ?? []} value={value} onChange={onChange} onBlur={onBlur} control={control} />;
    case 'yesNo':
      return (
        <div
          className="yes-no"
          role="radiogroup"
          id={control.id}
          aria-labelledby={`${control.id}-label`}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control['aria-invalid']}
          aria-required={control['aria-required']}
          data-testid={`field-${path}`}
        >
          {(['yes', 'no'] as const).map((v) => (
            <label key={v} className={`yes-no-option${value === v ? ' yes-no-chosen' : ''}`}>
              <input type="radio" name={path} value={v} checked={value === v} data-testid={`field-${path}-${v}`} onChange={() => onChange(v)} onBlur={onBlur} />
              <span>{t(v === 'yes' ? 'form.yes' : 'form.no')}</span>
            </label>
          ))}
        </div>
      );
    case 'longText':
      return <textarea {...common} rows={4} />;
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
