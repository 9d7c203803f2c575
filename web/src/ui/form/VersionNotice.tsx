// The catalog holds a newer version of the draft's procedure. The draft can still be sent on
// its own version; the person is told, by label, what the new version would ask for that the
// draft does not have yet, and may move the draft to it with one button.
import type { Procedure } from '@hsc/shared/schemas';
import { validateDossier } from '@hsc/shared/validate';
import { useMemo, useState } from 'react';
import { toSubmission } from '../../db/dossiers.ts';
import type { AttachmentRecord, DossierRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';

type Draft = Pick<DossierRecord, 'procedureCode' | 'unitCode' | 'applicant' | 'fields'>;

/**
 * The labels of what the new version finds missing or wrong that the draft's own version does
 * not: new required fields and documents, a stricter rule, a group's new sub-field.
 */
export function newlyAsked(draft: Draft, pages: AttachmentRecord[], pinned: Procedure, latest: Procedure, today: string, lang: string): string[] {
  const before = new Set(validateDossier(pinned, toSubmission({ ...draft, procedure: pinned }, pages), today).map((p) => p.path));
  const labels: string[] = [];
  for (const p of validateDossier(latest, toSubmission({ ...draft, procedure: latest }, pages), today)) {
    if (before.has(p.path)) continue;
    const [part, key] = p.path.split('.');
    const item = part === 'fields' ? latest.fields.find((f) => f.key === key) : part === 'documents' ? latest.documents.find((s) => s.key === key) : undefined;
    const label = item && localized(item.label, lang);
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

export function VersionNotice({
  current,
  pages,
  pinned,
  latest,
  today,
  onUpdate,
}: {
  current: Draft;
  pages: AttachmentRecord[];
  pinned: Procedure;
  latest: Procedure;
  today: string;
  onUpdate: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const asked = useMemo(() => newlyAsked(current, pages, pinned, latest, today, lang), [current, pages, pinned, latest, today, lang]);
  return (
    <div className="notice version-notice" role="status" data-testid="version-notice">
      <p>
        <strong>{t('form.newVersion')}</strong>
      </p>
      {asked.length ? (
        <>
          <p>{t('form.newVersionMore')}</p>
          <ul className="summary-list" data-testid="version-asked">
            {asked.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
          <p>{t('form.newVersionChoice')}</p>
        </>
      ) : (
        <p>{t('form.newVersionSame')}</p>
      )}
      {/* Offered either way (the commune may have stopped taking the old form); prominent only when the new form asks for more. */}
      <button
        type="button"
        className={`btn ${asked.length ? 'btn-primary' : 'btn-secondary'} btn-block`}
        data-testid="version-update"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onUpdate().finally(() => setBusy(false));
        }}
      >
        {t('form.updateForm')}
      </button>
    </div>
  );
}
