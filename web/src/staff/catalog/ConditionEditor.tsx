// "Show only when field X = v": X is picked from the fields above (the phone fills a form top
// down), and v from X's own options when it has some.
import { useStaffT } from '../i18n/index.ts';
import { Input, Select } from './controls.tsx';
import type { FieldDraft } from './model.ts';

export function ConditionEditor({ path, field, earlier, onChange }: { path: string; field: FieldDraft; earlier: FieldDraft[]; onChange: (showIf: FieldDraft['showIf']) => void }) {
  const { t } = useStaffT();
  const candidates = earlier.filter((f) => f.type !== 'group' && f.key.trim());
  const target = candidates.find((f) => f.key.trim() === field.showIf.field);
  const name = (f: FieldDraft) => `${f.label.vi.trim() || t('catalog.fields.untitled')} (${f.key.trim()})`;
  const choices = [{ value: '', label: t('catalog.fields.always') }, ...candidates.map((f) => ({ value: f.key.trim(), label: name(f) }))];
  // A condition on a field that moved below or was renamed stays visible, so its problem can be read.
  if (field.showIf.field && !target) choices.push({ value: field.showIf.field, label: field.showIf.field });
  const values =
    target?.type === 'yesNo'
      ? [
          { value: 'yes', label: t('catalog.fields.yes') },
          { value: 'no', label: t('catalog.fields.no') },
        ]
      : target && (target.type === 'choice' || target.type === 'select')
        ? target.options.filter((o) => o.value.trim()).map((o) => ({ value: o.value.trim(), label: o.label.vi || o.value }))
        : null;
  return (
    <div className="crow ccondition">
      <Select
        path={`${path}.showIf.field`}
        label={t('catalog.fields.condition')}
        value={field.showIf.field}
        options={choices}
        onChange={(key) => onChange({ field: key, equals: key === field.showIf.field ? field.showIf.equals : '' })}
      />
      {field.showIf.field ? (
        values ? (
          <Select
            path={`${path}.showIf.equals`}
            label={t('catalog.fields.equals')}
            value={field.showIf.equals}
            options={[{ value: '', label: t('catalog.fields.chooseValue') }, ...values]}
            onChange={(equals) => onChange({ ...field.showIf, equals })}
          />
        ) : (
          <Input path={`${path}.showIf.equals`} label={t('catalog.fields.equals')} value={field.showIf.equals} onChange={(equals) => onChange({ ...field.showIf, equals })} />
        )
      ) : candidates.length === 0 ? (
        <p className="hint">{t('catalog.fields.noEarlier')}</p>
      ) : null}
    </div>
  );
}
