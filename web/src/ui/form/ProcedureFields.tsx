// The procedure's own part of a form, generated from its fields. It knows nothing of where the
// values are kept: the citizen's draft and the administrator's live preview both render it,
// so the preview shows exactly what a phone shows.
import type { FieldDef, Unit } from '@hsc/shared/schemas';
import { isShown } from '@hsc/shared/validate';
import type { FieldsState } from './fieldsState.ts';
import { GroupField } from './GroupField.tsx';
import { LeafField } from './LeafField.tsx';

export interface ProcedureFieldsProps {
  fields: readonly FieldDef[];
  state: FieldsState;
  /** The message to show under a path now, if any (the caller decides when errors show). */
  errorFor: (path: string) => string | undefined;
  /** The person left a field: its error may show from now on. */
  touch: (path: string) => void;
  /** Every commune and ward, for fields of type `unit`. */
  units: Unit[];
  /** YYYY-MM-DD in Vietnam: the latest date a field marked `past` accepts. */
  today: string;
}

export function ProcedureFields(props: ProcedureFieldsProps) {
  const { fields, state } = props;
  return (
    <>
      {fields
        .filter((f) => isShown(f, state.values))
        .map((f) => (f.type === 'group' ? <GroupField key={f.key} def={f} {...props} /> : <LeafField key={f.key} def={f} path={`fields.${f.key}`} {...props} />))}
    </>
  );
}
