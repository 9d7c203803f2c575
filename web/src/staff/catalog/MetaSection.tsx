// Who the procedure is and how long it takes: code, names, field of law, level, legal basis,
// where to go, and the processing time with the words people read for it.
import { useId } from 'react';
import { useStaffT } from '../i18n/index.ts';
import { Check, Choice, Input, Section, TextPair } from './controls.tsx';
import type { ProcedureDraft, Text, TimeKind } from './model.ts';
import { follow, timeOf, timeText } from './prefill.ts';

export type Patch = (patch: Partial<ProcedureDraft>) => void;

export function MetaSection({ draft, patch, codeFixed, fieldsOfLaw }: { draft: ProcedureDraft; patch: Patch; codeFixed: boolean; fieldsOfLaw: Text[] }) {
  const { t } = useStaffT();
  const listId = useId();
  const pickField = (field: Text) => {
    // Picking a field already in use brings its English name with it.
    const known = fieldsOfLaw.find((f) => f.vi === field.vi.trim());
    patch({ field: known && (!field.en.trim() || field.en === draft.field.en) ? { vi: field.vi, en: known.en } : field });
  };
  return (
    <Section title={t('catalog.editor.sections.general')} testId="section-general">
      <p className="hint">{t('catalog.editor.enHint')}</p>
      {codeFixed ? (
        <p className="cfixed">
          <span className="label">{t('catalog.editor.code')}:</span> <code data-testid="cat-code-fixed">{draft.code}</code>
        </p>
      ) : (
        <Input path="code" label={t('catalog.editor.code')} hint={t('catalog.editor.codeHint')} value={draft.code} onChange={(code) => patch({ code })} />
      )}
      <Check path="verified" label={t('catalog.editor.verified')} checked={draft.verified} onChange={(verified) => patch({ verified })} />
      <TextPair path="name" label={t('catalog.editor.name')} value={draft.name} onChange={(name) => patch({ name })} />
      <TextPair path="field" label={t('catalog.editor.field')} hint={t('catalog.editor.fieldHint')} value={draft.field} onChange={pickField} list={listId} />
      <datalist id={listId}>
        {fieldsOfLaw.map((f) => (
          <option key={f.vi} value={f.vi} />
        ))}
      </datalist>
      <Choice
        path="level"
        label={t('catalog.editor.level')}
        value={draft.level || null}
        options={[
          { value: '3', label: t('catalog.editor.level3') },
          { value: '4', label: t('catalog.editor.level4') },
        ]}
        onChange={(level) => patch({ level })}
      />
      <TextPair path="legalBasis" label={t('catalog.editor.legalBasis')} hint={t('catalog.editor.legalBasisHint')} value={draft.legalBasis} onChange={(legalBasis) => patch({ legalBasis })} multiline />
      <TextPair path="where" label={t('catalog.editor.where')} hint={t('catalog.editor.whereHint')} value={draft.where} onChange={(where) => patch({ where })} />
    </Section>
  );
}

export function TimeSection({ draft, patch }: { draft: ProcedureDraft; patch: Patch }) {
  const { t } = useStaffT();
  const change = (timeKind: TimeKind, days: string) => patch({ timeKind, days, processingTime: follow(draft.processingTime, timeOf(draft), timeText(timeKind, days)) });
  return (
    <Section title={t('catalog.editor.sections.time')} testId="section-time">
      <Choice
        path="timeKind"
        label={t('catalog.editor.choose.time')}
        value={draft.timeKind}
        options={[
          { value: 'sameDay', label: t('catalog.editor.time.sameDay') },
          { value: 'days', label: t('catalog.editor.time.days') },
        ]}
        onChange={(kind) => change(kind, draft.days)}
      />
      {draft.timeKind === 'days' ? (
        <Input path="processingDays" label={t('catalog.editor.time.daysLabel')} value={draft.days} inputMode="numeric" onChange={(days) => change('days', days)} className="field cnarrow" />
      ) : null}
      <TextPair path="processingTime" label={t('catalog.editor.time.text')} value={draft.processingTime} onChange={(processingTime) => patch({ processingTime })} />
      <button type="button" className="btn btn-small btn-secondary" data-testid="fill-time" onClick={() => patch({ processingTime: timeOf(draft) })}>
        {t('catalog.editor.time.fill')}
      </button>
    </Section>
  );
}
