// One field of the form: what it is called, its type, whether it is required; its options or,
// for a group, its own fields and row limits; and, folded away until needed, the hint, checks
// and condition.
import { FieldType, LeafFieldType } from '@hsc/shared/procedure';
import { useEffect, useState } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { Check, Input, Select, TextPair, useProblemsUnder } from './controls.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { FieldList } from './FieldList.tsx';
import type { FieldDraft } from './model.ts';
import { OptionsEditor } from './OptionsEditor.tsx';

const TEXT_LIKE: readonly FieldType[] = ['text', 'longText', 'number', 'phone', 'citizenId', 'email'];

interface Props {
  path: string;
  index: number;
  count: number;
  field: FieldDraft;
  /** The fields above it in the same list: what a condition may look at. */
  earlier: FieldDraft[];
  inGroup: boolean;
  onChange: (field: FieldDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function FieldEditor({ path, index, count, field: f, earlier, inGroup, onChange, onMove, onRemove }: Props) {
  const { t } = useStaffT();
  const set = (patch: Partial<FieldDraft>) => onChange({ ...f, ...patch });
  const n = index + 1;
  const types = (inGroup ? LeafFieldType.options : FieldType.options).map((type) => ({ value: type, label: t(`catalog.fields.types.${type}`) }));
  const hasOptions = f.type === 'choice' || f.type === 'select';
  const isGroup = f.type === 'group';

  const extraProblem = useProblemsUnder(`${path}.hint`, `${path}.pattern`, `${path}.min`, `${path}.max`, `${path}.showIf`, `${path}.sensitive`, `${path}.past`);
  const [open, setOpen] = useState(() => Boolean(f.hint.vi || f.hint.en || f.pattern || f.min || f.max || f.showIf.field || f.sensitive || f.past));
  useEffect(() => {
    if (extraProblem) setOpen(true);
  }, [extraProblem]);

  const lengths = f.type === 'text' || f.type === 'longText';
  return (
    <li className="cfield" data-anchor={path} data-testid={`field-card-${path}`}>
      <div className="cfield-head">
        <h3>
          {t('catalog.fields.number', { n })} · <span className="muted">{f.label.vi.trim() || t('catalog.fields.untitled')}</span>
        </h3>
        <div className="cfield-tools">
          <button type="button" className="btn btn-small btn-secondary" aria-label={t('catalog.fields.moveUp', { n })} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑ {t('catalog.fields.up')}
          </button>
          <button type="button" className="btn btn-small btn-secondary" aria-label={t('catalog.fields.moveDown', { n })} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓ {t('catalog.fields.down')}
          </button>
          <button type="button" className="btn btn-small btn-ghost btn-danger" aria-label={t('catalog.fields.removeN', { n })} data-testid={`remove-${path}`} onClick={onRemove}>
            {t('catalog.fields.remove')}
          </button>
        </div>
      </div>
      <div className="crow">
        <Input path={`${path}.key`} label={t('catalog.fields.key')} hint={t('catalog.fields.keyHint')} value={f.key} onChange={(key) => set({ key })} />
        <Select path={`${path}.type`} label={t('catalog.fields.type')} value={f.type} options={types} onChange={(type) => set({ type })} />
      </div>
      <Check path={`${path}.required`} label={t('catalog.fields.required')} checked={f.required} onChange={(required) => set({ required })} />
      <TextPair path={`${path}.label`} label={t('catalog.fields.label')} value={f.label} onChange={(label) => set({ label })} />
      {hasOptions ? <OptionsEditor path={path} options={f.options} onChange={(options) => set({ options })} /> : null}
      {isGroup ? (
        <div className="cgroup">
          <p className="label">{t('catalog.fields.subFields')}</p>
          <FieldList path={`${path}.fields`} fields={f.fields} inGroup onChange={(fields) => set({ fields })} />
          <div className="crow">
            <Input path={`${path}.minRows`} label={t('catalog.fields.minRows')} value={f.minRows} inputMode="numeric" onChange={(minRows) => set({ minRows })} className="field cnarrow" />
            <Input path={`${path}.maxRows`} label={t('catalog.fields.maxRows')} value={f.maxRows} inputMode="numeric" onChange={(maxRows) => set({ maxRows })} className="field cnarrow" />
          </div>
        </div>
      ) : null}
      <details className="cmore" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary data-testid={`more-${path}`}>{t('catalog.fields.more')}</summary>
        <TextPair path={`${path}.hint`} label={t('catalog.fields.hint')} value={f.hint} onChange={(hint) => set({ hint })} />
        {TEXT_LIKE.includes(f.type) ? (
          <Input path={`${path}.pattern`} label={t('catalog.fields.pattern')} hint={t('catalog.fields.patternHint')} value={f.pattern} onChange={(pattern) => set({ pattern })} />
        ) : null}
        {lengths || f.type === 'number' ? (
          <div className="crow">
            <Input path={`${path}.min`} label={t(lengths ? 'catalog.fields.minLength' : 'catalog.fields.minNumber')} value={f.min} onChange={(min) => set({ min })} className="field cnarrow" />
            <Input path={`${path}.max`} label={t(lengths ? 'catalog.fields.maxLength' : 'catalog.fields.maxNumber')} value={f.max} onChange={(max) => set({ max })} className="field cnarrow" />
          </div>
        ) : null}
        <ConditionEditor path={path} field={f} earlier={earlier} onChange={(showIf) => set({ showIf })} />
        {f.type === 'date' ? <Check path={`${path}.past`} label={t('catalog.fields.past')} checked={f.past} onChange={(past) => set({ past })} /> : null}
        <Check path={`${path}.sensitive`} label={t('catalog.fields.sensitive')} checked={f.sensitive} onChange={(sensitive) => set({ sensitive })} />
      </details>
    </li>
  );
}
