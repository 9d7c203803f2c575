// A repeating group (household members, heirs): one numbered block of sub-fields per row, a big
// "add a row" under them and a "remove row n" in each, within the procedure's row limits.
import type { FieldDef } from '@hsc/shared/schemas';
import { groupRows, isShown } from '@hsc/shared/validate';
import { useEffect, useRef } from 'react';
import { minRowsOf } from '../../db/draftValues.ts';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { RequiredMark } from './FieldRow.tsx';
import { LeafField } from './LeafField.tsx';
import type { ProcedureFieldsProps } from './ProcedureFields.tsx';

export function GroupField(props: { def: FieldDef } & ProcedureFieldsProps) {
  const { def, state, errorFor, touch } = props;
  const { t, lang } = useLang();
  const path = `fields.${def.key}`;
  const count = state.rowCount(def.key);
  const rows = groupRows(state.values[def.key]);
  const min = minRowsOf(def);
  const full = def.maxRows !== undefined && count >= def.maxRows;
  const label = localized(def.label, lang);
  const error = errorFor(path);
  const addButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLFieldSetElement>(null);
  // Where focus goes after the list changed: into the new row, or to "add" after a removal.
  const focusNext = useRef<'added' | 'removed' | null>(null);

  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next === 'added') box.current?.querySelector<HTMLElement>(`[data-row="${count - 1}"] [data-testid^="field-"]`)?.focus();
    else if (next === 'removed') addButton.current?.focus();
  }, [count]);

  return (
    <fieldset ref={box} className={`group${error ? ' field-invalid' : ''}`} data-path={path} data-testid={`group-${def.key}`} aria-describedby={error ? `f-${path}-error` : undefined}>
      <legend className="group-legend">
        {label} <RequiredMark required={def.required || min > 0} />
      </legend>
      {def.hint ? <p className="hint">{localized(def.hint, lang)}</p> : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="group-row" data-row={i} data-testid={`group-row-${def.key}-${i}`}>
          <legend className="group-row-title">
            <span className="visually-hidden">{label},</span> {t('form.row', { n: i + 1 })}
          </legend>
          {(def.fields ?? [])
            .filter((s) => isShown(s, rows[i] ?? {}))
            .map((s) => (
              <LeafField key={s.key} {...props} def={s} path={`${path}.${i}.${s.key}`} />
            ))}
          {count > min ? (
            <button
              type="button"
              className="btn btn-secondary btn-danger btn-block"
              data-testid={`group-remove-${def.key}-${i}`}
              onClick={() => {
                focusNext.current = 'removed';
                state.removeRow(def.key, i);
                touch(path);
              }}
            >
              {t('form.removeRow', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      {error ? (
        <p className="error" id={`f-${path}-error`} data-testid={`error-${path}`}>
          {error}
        </p>
      ) : null}
      {full ? (
        <p className="hint" data-testid={`group-full-${def.key}`}>
          {t('form.rowsFull', { max: def.maxRows })}
        </p>
      ) : (
        <button
          ref={addButton}
          type="button"
          className="btn btn-secondary btn-block"
          data-testid={`group-add-${def.key}`}
          onClick={() => {
            focusNext.current = 'added';
            state.addRow(def.key);
          }}
        >
          + {t('form.addRow')}
        </button>
      )}
    </fieldset>
  );
}
