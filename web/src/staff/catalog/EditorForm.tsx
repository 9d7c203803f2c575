// The editor's state and its conversations with the server. The draft on screen is only ever
// replaced by the administrator's own typing, or by the server's copy after a discard.
import type { AdminProcedure, ProcedureDef } from '@hsc/shared/procedure';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatDateTime } from '../../ui/format.ts';
import { navigate } from '../../ui/router.tsx';
import { StaffApiError } from '../api/client.ts';
import { adminProceduresPath, discardProcedureDraft, publishProcedure, restoreProcedure, retireProcedure, saveProcedureDraft } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { primeRead } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { staffPaths } from '../routes.ts';
import { ProblemsContext } from './controls.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { FeeSection } from './FeeSection.tsx';
import { FieldList } from './FieldList.tsx';
import { FindSection } from './FindSection.tsx';
import { MetaSection, TimeSection } from './MetaSection.tsx';
import { draftFromDef, emptyDraft, type ProcedureDraft, type Text } from './model.ts';
import { feeOf } from './prefill.ts';
import { Preview } from './Preview.tsx';
import { ProblemSummary } from './ProblemSummary.tsx';
import { check, groupProblems, type Finding } from './problems.ts';
import { StateLine } from './StateLine.tsx';
import { currentDef } from './status.ts';
import { Section } from './controls.tsx';
import { UnitsSection } from './UnitsSection.tsx';
import { forgetUnsaved, keepUnsaved, takeUnsaved } from './unsaved.ts';
import { VersionBar, type VersionAction } from './VersionBar.tsx';

interface Props {
  code: string | null;
  initial: AdminProcedure | undefined;
  fieldsOfLaw: Text[];
  onCreated: (p: AdminProcedure) => void;
}

function fromServer(p: AdminProcedure | undefined): ProcedureDraft {
  const def = p && currentDef(p);
  if (def) return draftFromDef(def);
  const d = emptyDraft();
  return { ...d, fee: feeOf(d) };
}

/** What an answer means for the draft on screen: now saved, replaced by the server's, or untouched. */
type Outcome = 'saved' | 'replaced' | 'status';

export function EditorForm({ code, initial, fieldsOfLaw, onCreated }: Props) {
  const { t } = useStaffT();
  const [admin, setAdmin] = useState(initial);
  const [restored] = useState(() => takeUnsaved(code));
  const [draft, setDraft] = useState<ProcedureDraft>(() => restored ?? fromServer(initial));
  const [dirty, setDirty] = useState(restored !== undefined);
  // Once a check failed, the editor's own problems follow the typing; the server's stay until the next save.
  const [checking, setChecking] = useState(false);
  const [serverFindings, setServerFindings] = useState<Finding[]>([]);
  const [serverMessage, setServerMessage] = useState<string>();
  const [busy, setBusy] = useState<VersionAction | null>(null);
  const [asking, setAsking] = useState<VersionAction | null>(null);
  const [notice, setNotice] = useState<string | undefined>(restored ? t('catalog.editor.actions.kept') : undefined);
  const [error, setError] = useState<string>();
  const summary = useRef<HTMLDivElement>(null);
  // The draft as typed right now, to tell whether typing went on while a save was on its way.
  const latest = useRef(draft);
  latest.current = draft;
  const savedCode = admin?.code ?? null;

  const patch = useCallback((p: Partial<ProcedureDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setDirty(true);
  }, []);
  useEffect(() => {
    if (dirty) keepUnsaved(savedCode, draft);
  }, [dirty, draft, savedCode]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const problems = useMemo(() => groupProblems([...(checking ? check(draft, t).findings : []), ...serverFindings], draft), [checking, serverFindings, draft, t]);

  const showProblems = (fromServer: Finding[], message?: string) => {
    setChecking(true);
    setServerFindings(fromServer);
    setServerMessage(message);
    setNotice(undefined);
    // After React drew the list: the person hears and sees that nothing was saved, and why.
    setTimeout(() => summary.current?.focus(), 0);
  };

  /** `sent`: the draft that was saved, when the answer is to a save. */
  const accept = (p: AdminProcedure, outcome: Outcome, message?: string, sent?: ProcedureDraft) => {
    setAdmin(p);
    primeRead(`${adminProceduresPath}/${p.code}`, p);
    if (message) setNotice(message);
    setError(undefined);
    if (outcome === 'replaced') setDraft(fromServer(p));
    if (outcome === 'saved' && sent && sent !== latest.current) {
      // Typed while saving: what was saved is safe, the rest is still to save.
      setServerFindings([]);
      setServerMessage(undefined);
    } else if (outcome !== 'status') {
      setDirty(false);
      forgetUnsaved(savedCode);
      forgetUnsaved(p.code);
      setChecking(false);
      setServerFindings([]);
      setServerMessage(undefined);
    }
    if (savedCode === null) {
      onCreated(p);
      navigate(staffPaths.procedure(p.code), { replace: true });
    }
  };

  /** Checks, then saves; null when something stopped it (already shown). */
  const save = async (): Promise<AdminProcedure | null> => {
    const { def, findings: found } = check(draft, t);
    if (found.length) {
      showProblems([]);
      return null;
    }
    setServerFindings([]);
    setServerMessage(undefined);
    try {
      return await saveProcedureDraft(def as ProcedureDef);
    } catch (e) {
      if (e instanceof StaffApiError && e.status === 400 && e.body?.fields?.length) showProblems(e.body.fields.map((f) => ({ path: f.path, message: f.message })), e.body.message);
      else setError(errorText(t, e));
      return null;
    }
  };

  const run = async (action: VersionAction) => {
    setBusy(action);
    setError(undefined);
    setNotice(undefined);
    try {
      const sent = draft;
      if (action === 'save') {
        const saved = await save();
        if (saved) accept(saved, 'saved', t('catalog.editor.actions.saved', { time: formatDateTime(Date.now()) }), sent);
      } else if (action === 'publish') {
        // What is on screen is what gets published: saved first when it differs from the draft.
        const saved = dirty || !admin?.draft ? await save() : admin;
        if (!saved) return;
        if (saved !== admin) accept(saved, 'saved', undefined, sent);
        const published = await publishProcedure(saved.code);
        accept(published, 'saved', t('catalog.editor.actions.published', { n: published.version ?? '' }), sent);
      } else if (action === 'discard') {
        accept(await discardProcedureDraft(savedCode!), 'replaced', t('catalog.editor.actions.discarded'));
      } else if (action === 'retire') {
        accept(await retireProcedure(savedCode!), 'status', t('catalog.editor.actions.retired'));
      } else {
        accept(await restoreProcedure(savedCode!), 'status', t('catalog.editor.actions.restored'));
      }
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(null);
      setAsking(null);
    }
  };

  const ask = (action: VersionAction | null) => {
    if (action === 'publish') {
      if (check(draft, t).findings.length) return showProblems([]);
    }
    setAsking(action);
  };

  const forget = () => {
    forgetUnsaved(savedCode);
    setDraft(fromServer(admin));
    setDirty(false);
    setChecking(false);
    setServerFindings([]);
    setNotice(undefined);
  };

  return (
    <ProblemsContext.Provider value={problems}>
      <div className="ceditor" data-testid="procedure-editor">
        <header className="chead">
          <h1>{savedCode ? `${draft.name.vi || savedCode}` : t('catalog.editor.newTitle')}</h1>
          {admin ? <StateLine admin={admin} /> : null}
        </header>
        <div className="clayout">
          <div className="cform">
            <MetaSection draft={draft} patch={patch} codeFixed={savedCode !== null} fieldsOfLaw={fieldsOfLaw} />
            <TimeSection draft={draft} patch={patch} />
            <FeeSection draft={draft} patch={patch} />
            <UnitsSection draft={draft} patch={patch} />
            <FindSection draft={draft} patch={patch} />
            <Section title={t('catalog.editor.sections.fields')} testId="section-fields">
              <FieldList path="fields" fields={draft.fields} inGroup={false} onChange={(fields) => patch({ fields })} />
            </Section>
            <DocumentsSection draft={draft} patch={patch} />
          </div>
          <aside className="cside" aria-label={t('catalog.editor.sections.preview')}>
            <Section title={t('catalog.editor.sections.preview')}>
              <Preview draft={draft} />
            </Section>
          </aside>
        </div>
        <div className="cfoot">
          <ProblemSummary ref={summary} problems={problems} serverMessage={serverMessage} />
          {error ? (
            <p className="serror" role="alert" data-testid="editor-error">
              {error}
            </p>
          ) : null}
          {notice ? (
            <p className="notice notice-ok" role="status" data-testid="editor-notice">
              {notice}{' '}
              {restored && dirty ? (
                <button type="button" className="btn btn-small btn-secondary" onClick={forget}>
                  {t('catalog.editor.actions.forget')}
                </button>
              ) : null}
            </p>
          ) : null}
          <VersionBar admin={admin} dirty={dirty} busy={busy} asking={asking} onAsk={ask} onDo={(a) => void run(a)} />
        </div>
      </div>
    </ProblemsContext.Provider>
  );
}
