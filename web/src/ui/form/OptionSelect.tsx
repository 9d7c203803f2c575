// A choice from the catalog's options: the phone's own list. A long list (a province's
// ethnicities, its communes) gets a filter box above it that ignores tones, as the unit picker
// does; the chosen option stays listed whatever is typed.
import { matchesQuery } from '@hsc/shared/fold';
import type { FieldOption } from '@hsc/shared/schemas';
import { useMemo, useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import type { ControlProps } from './FieldRow.tsx';

/** From this many options on, typing a few letters beats scrolling on a small screen. */
export const FILTER_FROM = 13;

export function OptionSelect({
  path,
  options,
  value,
  onChange,
  onBlur,
  control,
}: {
  path: string;
  options: readonly FieldOption[];
  value: string;
  onChange: (v: string) => void;
  onBlur: () => void;
  control: ControlProps;
}) {
  const { t, lang } = useLang();
  const [filter, setFilter] = useState('');
  const shown = useMemo(
    () => (filter.trim() ? options.filter((o) => o.value === value || matchesQuery(filter, localized(o.label, lang))) : options),
    [filter, options, value, lang],
  );
  const select = (
    <select {...control} className="input" data-testid={`field-${path}`} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur}>
      <option value="">{t('form.choose')}</option>
      {shown.map((o) => (
        <option key={o.value} value={o.value}>
          {localized(o.label, lang)}
        </option>
      ))}
    </select>
  );
  if (options.length < FILTER_FROM) return select;
  return (
    <>
      <input
        type="search"
        className="input input-filter"
        data-testid={`filter-${path}`}
        placeholder={t('form.optionFilter')}
        aria-label={t('form.optionFilter')}
        aria-controls={control.id}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {select}
      {filter.trim() && shown.length === 0 ? <p className="hint">{t('form.optionNone')}</p> : null}
    </>
  );
}
