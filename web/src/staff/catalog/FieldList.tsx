// A form's fields in order (or a group's sub-fields: the same editor, without groups).
import { useStaffT } from '../i18n/index.ts';
import { ProblemText, useProblems } from './controls.tsx';
import { FieldEditor } from './FieldEditor.tsx';
import { move, newField, removeAt, type FieldDraft } from './model.ts';

/** A renamed field keeps the conditions that look at it: they follow the new key. */
export function renameIn(fields: readonly FieldDraft[], index: number, next: FieldDraft): FieldDraft[] {
  const before = fields[index]!.key.trim();
  const after = next.key.trim();
  return fields.map((f, i) => {
    if (i === index) return next;
    if (i > index && before && before !== after && f.showIf.field === before) return { ...f, showIf: { ...f.showIf, field: after } };
    return f;
  });
}

export function FieldList({ path, fields, onChange, inGroup }: { path: string; fields: FieldDraft[]; onChange: (fields: FieldDraft[]) => void; inGroup: boolean }) {
  const { t } = useStaffT();
  const problems = useProblems(path);
  return (
    <div className={inGroup ? 'cfields cfields-sub' : 'cfields'} data-anchor={path}>
      {fields.length === 0 ? <p className="muted">{t(inGroup ? 'catalog.fields.noneInGroup' : 'catalog.fields.none')}</p> : null}
      <ProblemText path={path} messages={problems} />
      <ol className="cfield-list">
        {fields.map((f, i) => (
          <FieldEditor
            key={f.uid}
            path={`${path}.${i}`}
            index={i}
            count={fields.length}
            field={f}
            earlier={fields.slice(0, i)}
            inGroup={inGroup}
            onChange={(next) => onChange(renameIn(fields, i, next))}
            onMove={(by) => onChange(move(fields, i, by))}
            onRemove={() => onChange(removeAt(fields, i))}
          />
        ))}
      </ol>
      <button type="button" className="btn btn-secondary" data-testid={`add-field-${path}`} onClick={() => onChange([...fields, newField()])}>
        {t(inGroup ? 'catalog.fields.addSub' : 'catalog.fields.add')}
      </button>
    </div>
  );
}
