// The documents a citizen attaches: name, required or "if any", how many pages, and an
// optional blank form (tờ khai) uploaded here and offered on the phone for download.
import type { TemplateRef } from '@hsc/shared/procedure';
import { useRef, useState } from 'react';
import { formatBytes } from '../../ui/format.ts';
import { uploadTemplate } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { StaffApiError } from '../api/client.ts';
import { useStaffT } from '../i18n/index.ts';
import { Choice, Input, ProblemText, Section, TextPair, useProblems } from './controls.tsx';
import type { Patch } from './MetaSection.tsx';
import { move, newSlot, removeAt, replaceAt, type ProcedureDraft, type SlotDraft } from './model.ts';

const MAX_TEMPLATE = 5 * 1024 * 1024;

export function DocumentsSection({ draft, patch }: { draft: ProcedureDraft; patch: Patch }) {
  const { t } = useStaffT();
  const problems = useProblems('documents');
  const slots = draft.documents;
  const set = (documents: SlotDraft[]) => patch({ documents });
  return (
    <Section title={t('catalog.editor.sections.documents')} testId="section-documents">
      {slots.length === 0 ? <p className="muted">{t('catalog.documents.none')}</p> : null}
      <ProblemText path="documents" messages={problems} />
      <ol className="cfield-list" data-anchor="documents">
        {slots.map((s, i) => (
          <SlotEditor
            key={s.uid}
            path={`documents.${i}`}
            index={i}
            count={slots.length}
            slot={s}
            onChange={(next) => set(replaceAt(slots, i, next))}
            onMove={(by) => set(move(slots, i, by))}
            onRemove={() => set(removeAt(slots, i))}
          />
        ))}
      </ol>
      <button type="button" className="btn btn-secondary" data-testid="add-document" onClick={() => set([...slots, newSlot()])}>
        {t('catalog.documents.add')}
      </button>
    </Section>
  );
}

interface SlotProps {
  path: string;
  index: number;
  count: number;
  slot: SlotDraft;
  onChange: (slot: SlotDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function SlotEditor({ path, index, count, slot: s, onChange, onMove, onRemove }: SlotProps) {
  const { t } = useStaffT();
  const n = index + 1;
  const set = (patch: Partial<SlotDraft>) => onChange({ ...s, ...patch });
  return (
    <li className="cfield" data-anchor={path} data-testid={`slot-card-${path}`}>
      <div className="cfield-head">
        <h3>
          {t('catalog.documents.number', { n })} · <span className="muted">{s.label.vi.trim() || t('catalog.fields.untitled')}</span>
        </h3>
        <div className="cfield-tools">
          <button type="button" className="btn btn-small btn-secondary" aria-label={t('catalog.documents.moveUp', { n })} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑ {t('catalog.fields.up')}
          </button>
          <button type="button" className="btn btn-small btn-secondary" aria-label={t('catalog.documents.moveDown', { n })} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓ {t('catalog.fields.down')}
          </button>
          <button type="button" className="btn btn-small btn-ghost btn-danger" aria-label={t('catalog.documents.removeN', { n })} onClick={onRemove}>
            {t('catalog.documents.remove')}
          </button>
        </div>
      </div>
      <div className="crow">
        <Input path={`${path}.key`} label={t('catalog.documents.key')} hint={t('catalog.fields.keyHint')} value={s.key} onChange={(key) => set({ key })} />
        <Input path={`${path}.maxPages`} label={t('catalog.documents.maxPages')} value={s.maxPages} inputMode="numeric" onChange={(maxPages) => set({ maxPages })} className="field cnarrow" />
      </div>
      <TextPair path={`${path}.label`} label={t('catalog.documents.label')} value={s.label} onChange={(label) => set({ label })} />
      <Choice
        path={`${path}.required`}
        label={t('catalog.documents.requiredLegend')}
        value={s.required ? 'required' : 'ifAny'}
        options={[
          { value: 'required', label: t('catalog.documents.required') },
          { value: 'ifAny', label: t('catalog.documents.ifAny') },
        ]}
        onChange={(v) => set({ required: v === 'required' })}
      />
      <TemplateUpload path={`${path}.template`} template={s.template} onChange={(template) => onChange(template ? { ...s, template } : withoutTemplate(s))} />
    </li>
  );
}

function withoutTemplate(s: SlotDraft): SlotDraft {
  const { template: _gone, ...rest } = s;
  return rest;
}

function TemplateUpload({ path, template, onChange }: { path: string; template: TemplateRef | undefined; onChange: (template: TemplateRef | undefined) => void }) {
  const { t, lang } = useStaffT();
  const problems = useProblems(path);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    if (file.size > MAX_TEMPLATE) return setError(t('catalog.documents.tooLarge'));
    setBusy(true);
    try {
      onChange(await uploadTemplate(file));
    } catch (e) {
      setError(e instanceof StaffApiError && e.status === 413 ? t('catalog.documents.tooLarge') : errorText(t, e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="field ctemplate" data-anchor={path}>
      <span className="label">{t('catalog.documents.template')}</span>
      <span className="hint">{t('catalog.documents.templateHint')}</span>
      {template ? (
        <p data-testid={`template-${path}`}>
          <strong>{template.fileName}</strong> <span className="muted">({formatBytes(template.size, lang)})</span>
        </p>
      ) : null}
      <div className="row">
        <label className="btn btn-small btn-secondary cfile">
          {busy ? t('catalog.documents.uploading') : t(template ? 'catalog.documents.replace' : 'catalog.documents.upload')}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            data-testid={`template-file-${path}`}
            accept=".pdf,.doc,.docx,.odt,application/pdf"
            disabled={busy}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </label>
        {template ? (
          <button type="button" className="btn btn-small btn-ghost btn-danger" onClick={() => onChange(undefined)}>
            {t('catalog.documents.removeTemplate')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="error" role="alert" data-testid={`template-error-${path}`}>
          {error}
        </p>
      ) : null}
      <ProblemText path={path} messages={problems} />
    </div>
  );
}
