// One document of the procedure: take photos or choose files (several pages), see them, put them
// in order, remove one. Each page is stored in IndexedDB the moment it is picked.
import type { DocumentSlot as Slot } from '@hsc/shared/schemas';
import { useRef, useState, type ChangeEvent } from 'react';
import { ACCEPT, addFiles, type CaptureProblem } from '../../capture/capture.ts';
import { moveAttachment, removeAttachment } from '../../db/attachments.ts';
import type { AttachmentRecord } from '../../db/types.ts';
import { localized } from '../../i18n/index.ts';
import { useLang } from '../hooks/useLang.ts';
import { Icon } from '../components/Icon.tsx';
import { PageThumb } from './PageThumb.tsx';

export function DocumentSlot({
  slot,
  dossierId,
  pages,
  error,
  keepOriginal = false,
  supplementId,
  onBusy,
}: {
  slot: Slot;
  dossierId: string;
  pages: AttachmentRecord[];
  error?: string;
  /** Store photos exactly as picked instead of shrinking them. */
  keepOriginal?: boolean;
  /** The pages answer a supplement request (same capture path, kept apart from the first ones). */
  supplementId?: string;
  onBusy: (busy: boolean) => void;
}) {
  const { t, lang } = useLang();
  const files = useRef<HTMLInputElement>(null);
  const camera = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  const [problems, setProblems] = useState<CaptureProblem[]>([]);
  const full = pages.length >= slot.maxPages;

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const picked = Array.from(input.files ?? []);
    if (picked.length === 0) return;
    setAdding(true);
    onBusy(true);
    try {
      const result = await addFiles(dossierId, slot.key, picked, slot.maxPages - pages.length, { keepOriginal, supplementId });
      setProblems(result.problems);
    } finally {
      setAdding(false);
      onBusy(false);
      input.value = '';
    }
  };

  return (
    <div className={`slot${error ? ' field-invalid' : ''}`} data-path={`documents.${slot.key}`}>
      <div className="slot-head">
        <span className="label">
          {localized(slot.label, lang)}{' '}
          {slot.required ? (
            <span className="req" title={t('form.requiredMark')}>
              *
            </span>
          ) : (
            <span className="muted small">({t('form.optional')})</span>
          )}
        </span>
        <span className="muted small">{t('form.pageCount', { count: pages.length, max: slot.maxPages })}</span>
      </div>
      {pages.length ? (
        <ol className="pages">
          {pages.map((p, i) => (
            <PageThumb
              key={p.id}
              slotKey={slot.key}
              page={p}
              n={i + 1}
              first={i === 0}
              last={i === pages.length - 1}
              onMove={(dir) => void moveAttachment(p.id, dir)}
              onRemove={() => void removeAttachment(p.id)}
            />
          ))}
        </ol>
      ) : null}
      <div className="slot-actions">
        <button type="button" className="btn btn-secondary" disabled={full || adding} onClick={() => camera.current?.click()}>
          <Icon name="camera" />
          {t('form.camera')}
        </button>
        <button type="button" className="btn btn-secondary" disabled={full || adding} onClick={() => files.current?.click()}>
          <Icon name="file" />
          {t('form.files')}
        </button>
      </div>
      <input ref={camera} className="visually-hidden" tabIndex={-1} aria-hidden="true" type="file" accept="image/*" capture="environment" data-testid={`camera-${slot.key}`} onChange={(e) => void onPick(e)} />
      <input ref={files} className="visually-hidden" tabIndex={-1} aria-hidden="true" type="file" accept={ACCEPT} multiple data-testid={`attach-${slot.key}`} onChange={(e) => void onPick(e)} />
      {adding ? <p className="muted small" role="status">{t('form.adding')}</p> : null}
      {problems.map((p, i) => (
        <p key={i} className="error" role="alert" data-testid={`problem-${slot.key}`} data-reason={p.reason}>
          {t(`form.${p.reason}`, { name: p.fileName, max: p.maxMb ?? 20 })}
        </p>
      ))}
      {error ? (
        <p className="error" data-testid={`error-documents.${slot.key}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
