import type { FieldDef, SubFieldDef } from '@hsc/shared/schemas';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { FieldControl } from './FieldControl.tsx';
import { FieldRow } from './FieldRow.tsx';
import type { ProcedureFieldsProps } from './ProcedureFields.tsx';

/** One field with its label, hint and error: a top-level field or a sub-field of a group row. */
export function LeafField({ def, path, state, errorFor, touch, units, today }: { def: FieldDef | SubFieldDef; path: string } & ProcedureFieldsProps) {
  const { lang } = useLang();
  return (
    <FieldRow path={path} label={localized(def.label, lang)} required={def.required} hint={def.hint ? localized(def.hint, lang) : undefined} error={errorFor(path)}>
      {(control) => (
        <FieldControl
          type={def.type}
          path={path}
          value={state.get(path)}
          onChange={(v) => state.set(path, v)}
          onBlur={() => touch(path)}
          control={control}
          options={def.options}
          units={units}
          max={def.type === 'date' && def.past ? today : undefined}
        />
      )}
    </FieldRow>
  );
}
