// The dossier form, generated from the procedure version the draft was made under: commune,
// applicant, the procedure's fields, one block per document. Every change is on the phone within a quarter of a second; Send
// checks everything with the shared rules and moves the dossier to the outbox.
import type { Problem } from '@hsc/shared/validate';
import { validateDossier } from '@hsc/shared/validate';
import type { Procedure, Unit } from '@hsc/shared/schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { listAttachments } from '../../db/attachments.ts';
import { getProcedure, listUnits } from '../../db/catalog.ts';
import { deleteDossier, getDossier, pinProcedure, queueDossier, toSubmission, updateDraftProcedure } from '../../db/dossiers.ts';
import { askPersistence } from '../../db/storage.ts';
import type { AttachmentRecord, DossierRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { requestSync } from '../../sync/client.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { StorageWarning } from '../components/StorageLine.tsx';
import { ExportButton } from '../dossier/ExportButton.tsx';
import { vnToday } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useStorage } from '../hooks/useStorage.ts';
import { navigate, paths } from '../router.tsx';
import { DocumentSlot } from '../form/DocumentSlot.tsx';
import { FieldControl, type FieldControlProps } from '../form/FieldControl.tsx';
import { draftForSend } from '../form/draftForSend.ts';
import { FieldRow } from '../form/FieldRow.tsx';
import { useDraftFields } from '../form/fieldsState.ts';
import { ProcedureFields } from '../form/ProcedureFields.tsx';
import { UnitPicker } from '../form/UnitPicker.tsx';
import { useDraft } from '../form/useDraft.ts';
import { VersionNotice } from '../form/VersionNotice.tsx';

export function DossierForm({ id }: { id: string }) {
  const { t } = useLang();
  const data = useLiveQuery(async () => {
    const dossier = await getDossier(id);
    return dossier ? { dossier, procedure: await getProcedure(dossier.procedureCode) } : null;
  }, [id]);
  const pages = useLiveQuery(() => listAttachments(id), [id]);
  const units = useLiveQuery(listUnits, []);
  const sent = data?.dossier && data.dossier.state !== 'draft';

  useEffect(() => {
    if (sent) navigate(paths.dossier(id), { replace: true });
  }, [sent, id]);

  if (data === undefined || pages === undefined || units === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <p className="notice">{t('detail.notFound')}</p>;
  if (sent) return <p className="notice">{t('form.notDraft')}</p>;
  return <DraftEditor key={id} dossier={data.dossier} procedure={data.procedure} pages={pages} units={units} />;
}

const APPLICANT: { key: keyof DossierRecord['applicant']; type: FieldControlProps['type']; label: 'form.fullName' | 'form.phone' | 'form.citizenId' | 'form.address' | 'form.email'; required: boolean; autoComplete?: string }[] = [
  { key: 'fullName', type: 'name', label: 'form.fullName', required: true, autoComplete: 'name' },
  { key: 'phone', type: 'phone', label: 'form.phone', required: true, autoComplete: 'tel' },
  { key: 'citizenId', type: 'citizenId', label: 'form.citizenId', required: true },
  { key: 'address', type: 'text', label: 'form.address', required: true, autoComplete: 'street-address' },
  { key: 'email', type: 'email', label: 'form.email', required: false, autoComplete: 'email' },
];

interface DraftEditorProps {
  dossier: DossierRecord;
  /** The catalog's current version of the procedure; null once it was retired. */
  procedure: Procedure | null;
  pages: AttachmentRecord[];
  units: Unit[];
  onSent?: (id: string) => void;
  onDeleted?: () => void;
  /**
   * A walk-in at the desk (walk-in mode passes it, with its own words from staff.json): the
   * commune is the officer's, shown as text with no picker, and the person may have no phone.
   */
  desk?: DeskOptions;
}

export interface DeskOptions {
  /** The officer's commune, the only one a walk-in goes to. */
  unitName: string;
  words: { noPhone: string; noPhoneNote: string };
}

/**
 * The editor itself, also used by the desk's walk-in mode; `onSent` replaces the move to the
 * dossier page after Send (the desk shows its own receipt screen). The form is the version the
 * draft was made under, whatever the catalog holds now.
 */
export function DraftEditor(props: DraftEditorProps) {
  const { t } = useLang();
  const pinned = props.dossier.procedure ?? props.procedure;
  if (!pinned) return <p className="notice">{t('procedure.notFound')}</p>;
  return <Editor {...props} procedure={pinned} latest={props.procedure} />;
}

function Editor({ dossier, procedure, latest, pages, units, onSent, onDeleted, desk }: Omit<DraftEditorProps, 'procedure'> & { procedure: Procedure; latest: Procedure | null }) {
  const { t, lang } = useLang();
  const draft = useDraft(dossier);
  const fields = useDraftFields(procedure.fields, draft.values, draft.setMany);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [busy, setBusy] = useState(0);
  const [sending, setSending] = useState(false);
  const [keepOriginal, setKeepOriginal] = useState(false);
  // Looked at again after every page added or removed: photos are what fills a phone.
  const storage = useStorage(pages.length);
  const today = vnToday();

  // A draft from before procedures had versions takes the one it is shown in.
  useEffect(() => {
    if (!dossier.procedure) void pinProcedure(dossier.id, procedure);
  }, [dossier.id, dossier.procedure, procedure]);

  const offered = useMemo(() => (procedure.units ? units.filter((u) => procedure.units!.includes(u.code)) : units), [procedure.units, units]);
  const current = useMemo(() => draftForSend(dossier.procedureCode, draft.values, procedure.fields), [dossier.procedureCode, draft.values, procedure.fields]);
  const problems = useMemo(() => {
    // A walk-in is checked as the desk's: "no phone" is allowed there only.
    const found = validateDossier(procedure, toSubmission({ ...current, procedure }, pages), today, { channel: dossier.channel === 'desk' ? 'desk' : 'online' });
    // The unit must be one that offers the procedure; the picker lists only those.
    if (procedure.units && current.unitCode && !procedure.units.includes(current.unitCode) && !found.some((p) => p.path === 'unitCode')) {
      found.unshift({ path: 'unitCode', code: 'unit' });
    }
    return found;
  }, [procedure, current, pages, today, dossier.channel]);
  const noPhone = desk !== undefined && draft.get('applicant.noPhone') === 'yes';
  const byPath = useMemo(() => {
    const m = new Map<string, Problem>();
    for (const p of problems) if (!m.has(p.path)) m.set(p.path, p);
    return m;
  }, [problems]);

  const errorFor = (path: string): string | undefined => {
    const p = byPath.get(path);
    if (!p || !(showAll || touched.has(path))) return undefined;
    return t(`errors.${p.code}`, p.params ?? {});
  };
  const touch = useCallback((path: string) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))), []);
  const row = (path: string, label: string, required: boolean, control: Omit<FieldControlProps, 'path' | 'value' | 'onChange' | 'onBlur' | 'control'>, hint?: string) => (
    <FieldRow key={path} path={path} label={label} required={required} hint={hint} error={errorFor(path)}>
      {(props) => <FieldControl {...control} path={path} value={draft.get(path)} onChange={(v) => draft.set(path, v)} onBlur={() => touch(path)} control={props} />}
    </FieldRow>
  );

  const updateTo = async (next: Procedure) => {
    await draft.flush();
    await updateDraftProcedure(dossier.id, next);
  };

  const send = async () => {
    if (sending) return;
    setSending(true);
    try {
      await draft.flush();
      if (problems.length > 0) {
        setShowAll(true);
        const first = document.querySelector<HTMLElement>(`[data-path="${problems[0]!.path}"]`);
        first?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
        first?.querySelector<HTMLElement>('[data-testid^="field-"], button')?.focus({ preventScroll: true });
        return;
      }
      await queueDossier(dossier.id);
      // Asked when the draft was created; again here in case the browser said no then.
      void askPersistence();
      if (onSent) onSent(dossier.id);
      else navigate(paths.dossier(dossier.id), { replace: true });
      requestSync(true);
    } finally {
      setSending(false);
    }
  };

  const saved = !draft.saving && busy === 0 && !draft.error;
  return (
    <form
      className="screen form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="muted small">{dossier.localRef}</p>
      <h1>{localized(procedure.name, lang)}</h1>
      <p className={`saved ${saved ? 'saved-yes' : draft.error ? 'saved-error' : 'saved-no'}`} data-testid="saved-indicator" data-saved={String(saved)} role="status">
        <span aria-hidden="true">{saved ? '✓ ' : draft.error ? '⚠ ' : '… '}</span>
        {saved ? t('form.saved') : draft.error === 'quota' ? t('form.notSavedQuota') : draft.error ? t('form.notSaved') : t('form.saving')}
      </p>
      {latest === null ? (
        <p className="notice" role="status" data-testid="retired-notice">
          {t('form.retired')}
        </p>
      ) : latest.version > procedure.version ? (
        <VersionNotice current={current} pages={pages} pinned={procedure} latest={latest} today={today} onUpdate={() => updateTo(latest)} />
      ) : null}

      <fieldset>
        <legend>{t('form.unitTitle')}</legend>
        {desk ? (
          // The desk serves its own commune only: no picker, the officer's unit as text.
          <div className="field" data-path="unitCode">
            <p className="label">{t('form.unit')}</p>
            <p data-testid="walkin-unit">
              <strong>{desk.unitName}</strong>
            </p>
            {errorFor('unitCode') ? (
              <p className="error" role="alert">
                {errorFor('unitCode')}
              </p>
            ) : null}
          </div>
        ) : (
          <FieldRow path="unitCode" label={t('form.unit')} required hint={procedure.units ? t('form.unitsLimited') : undefined} error={errorFor('unitCode')}>
            {(props) => (
              <UnitPicker units={offered} value={draft.get('unitCode')} onChange={(v) => draft.set('unitCode', v)} onBlur={() => touch('unitCode')} testId="field-unitCode" control={props} />
            )}
          </FieldRow>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('form.applicantTitle')}</legend>
        {APPLICANT.map((f) => {
          if (f.key !== 'phone' || !desk) return row(`applicant.${f.key}`, t(f.label), f.required, { type: f.type, autoComplete: f.autoComplete });
          // A walk-in may have no phone: an explicit box, never a made-up number. Ticking it
          // empties the number, which is then not asked for.
          return (
            <div key="phone">
              {noPhone ? null : row('applicant.phone', t(f.label), true, { type: f.type, autoComplete: f.autoComplete })}
              <label className="check" data-path="applicant.noPhone">
                <input
                  type="checkbox"
                  checked={noPhone}
                  data-testid="no-phone"
                  onChange={(e) => draft.setMany(e.target.checked ? { 'applicant.noPhone': 'yes', 'applicant.phone': '' } : { 'applicant.noPhone': '' })}
                />
                <span>{desk.words.noPhone}</span>
              </label>
              {noPhone ? (
                <p className="hint" data-testid="no-phone-note">
                  {desk.words.noPhoneNote}
                </p>
              ) : null}
              {noPhone && errorFor('applicant.phone') ? (
                <p className="error" role="alert">
                  {errorFor('applicant.phone')}
                </p>
              ) : null}
            </div>
          );
        })}
      </fieldset>

      {procedure.fields.length ? (
        <fieldset>
          <legend>{t('form.fieldsTitle')}</legend>
          <ProcedureFields fields={procedure.fields} state={fields} errorFor={errorFor} touch={touch} units={units} today={today} />
        </fieldset>
      ) : null}

      <fieldset>
        <legend>{t('form.documentsTitle')}</legend>
        <p className="hint">{t('form.documentsHint')}</p>
        <StorageWarning info={storage} />
        {procedure.documents.map((slot) => (
          <DocumentSlot
            key={slot.key}
            slot={slot}
            dossierId={dossier.id}
            pages={pages.filter((p) => p.slot === slot.key)}
            error={showAll && byPath.get(`documents.${slot.key}`) ? errorFor(`documents.${slot.key}`) : undefined}
            keepOriginal={keepOriginal}
            onBusy={(b) => setBusy((n) => n + (b ? 1 : -1))}
          />
        ))}
        <label className="check">
          <input type="checkbox" checked={keepOriginal} data-testid="keep-original" onChange={(e) => setKeepOriginal(e.target.checked)} />
          <span>{t('form.keepOriginal')}</span>
        </label>
        {keepOriginal ? (
          <p className="notice small" data-testid="keep-original-warning">
            {t('form.keepOriginalWarning')}
          </p>
        ) : null}
      </fieldset>

      {showAll && problems.length ? (
        <p className="error summary" role="alert" data-testid="form-problems">
          {t('form.problems', { count: problems.length })}
        </p>
      ) : null}
      <div className="sticky-actions">
        <button type="submit" className="btn btn-primary btn-block" data-testid="send" disabled={sending}>
          {t('form.send')}
        </button>
      </div>
      <p className="muted small">{t('form.sendHint')}</p>
      {/* A walk-in's data must not be copied to the shared desk device's downloads. */}
      {dossier.channel !== 'desk' ? <ExportButton dossierId={dossier.id} className="btn-ghost" prepare={draft.flush} /> : null}
      <ConfirmButton
        label={t('form.deleteDraft')}
        question={t('detail.confirmDeleteUnsent')}
        onConfirm={async () => {
          await deleteDossier(dossier.id);
          if (onDeleted) onDeleted();
          else navigate(paths.home(), { replace: true });
        }}
      />
    </form>
  );
}
