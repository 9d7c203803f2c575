// The buttons that move a procedure between its versions. Publishing, discarding and retiring
// ask once, in place, saying what happens to phones and to dossiers already sent.
import type { AdminProcedure } from '@hsc/shared/procedure';
import { useStaffT } from '../i18n/index.ts';

export type VersionAction = 'save' | 'publish' | 'discard' | 'retire' | 'restore';

interface Props {
  admin: AdminProcedure | undefined;
  dirty: boolean;
  busy: VersionAction | null;
  asking: VersionAction | null;
  onAsk: (action: VersionAction | null) => void;
  onDo: (action: VersionAction) => void;
}

export function VersionBar({ admin, dirty, busy, asking, onAsk, onDo }: Props) {
  const { t } = useStaffT();
  const next = (admin?.version ?? 0) + 1;
  const published = admin?.version !== null && admin?.version !== undefined;
  const canDiscard = published && admin?.draft !== undefined;
  // A published procedure with nothing changed has nothing to publish.
  const canPublish = !published || dirty || admin?.draft !== undefined;
  const questions: Partial<Record<VersionAction, string>> = {
    publish: t('catalog.editor.actions.publishQuestion', { n: next }),
    discard: t('catalog.editor.actions.discardQuestion', { n: admin?.version ?? 0 }),
    retire: t('catalog.editor.actions.retireQuestion'),
  };
  const question = asking ? questions[asking] : undefined;
  const label = (a: VersionAction, idle: string, working?: string) => (busy === a && working ? working : idle);

  return (
    <div className="cbar" data-testid="version-bar">
      {question && asking ? (
        <div className="confirm" role="alertdialog" aria-label={question} data-testid={`confirm-${asking}`}>
          <p>{question}</p>
          <div className="row">
            <button type="button" className={asking === 'publish' ? 'btn btn-primary' : 'btn btn-danger-solid'} data-testid="confirm-yes" disabled={busy !== null} onClick={() => onDo(asking)}>
              {busy ? t('catalog.editor.actions.busy') : t('catalog.editor.actions.confirm')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => onAsk(null)}>
              {t('catalog.editor.actions.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="row cbar-buttons">
        <button type="button" className="btn btn-secondary" data-testid="save-draft" disabled={busy !== null} onClick={() => onDo('save')}>
          {label('save', t('catalog.editor.actions.save'), t('catalog.editor.actions.saving'))}
        </button>
        <button type="button" className="btn btn-primary" data-testid="publish" disabled={busy !== null || !canPublish} onClick={() => onAsk('publish')}>
          {label('publish', t('catalog.editor.actions.publish'), t('catalog.editor.actions.publishing'))}
        </button>
        {canDiscard ? (
          <button type="button" className="btn btn-ghost btn-danger" data-testid="discard-draft" disabled={busy !== null} onClick={() => onAsk('discard')}>
            {t('catalog.editor.actions.discard')}
          </button>
        ) : null}
        {published && admin?.status !== 'retired' ? (
          <button type="button" className="btn btn-ghost btn-danger" data-testid="retire" disabled={busy !== null} onClick={() => onAsk('retire')}>
            {t('catalog.editor.actions.retire')}
          </button>
        ) : null}
        {admin?.status === 'retired' ? (
          <button type="button" className="btn btn-secondary" data-testid="restore" disabled={busy !== null} onClick={() => onDo('restore')}>
            {t('catalog.editor.actions.restore')}
          </button>
        ) : null}
        {dirty ? (
          <span className="small muted" data-testid="unsaved">
            {t('catalog.editor.actions.unsaved')}
          </span>
        ) : null}
      </div>
    </div>
  );
}
