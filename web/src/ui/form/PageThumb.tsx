import { useState } from 'react';
import type { AttachmentRecord } from '../../db/types.ts';
import { formatBytes } from '../format.ts';
import { useLang } from '../hooks/useLang.ts';
import { useObjectUrl } from '../hooks/useObjectUrl.ts';

export function PageThumb({
  slotKey,
  page,
  n,
  first,
  last,
  onMove,
  onRemove,
}: {
  slotKey: string;
  page: AttachmentRecord;
  n: number;
  first: boolean;
  last: boolean;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, lang } = useLang();
  const isImage = page.mediaType.startsWith('image/');
  const url = useObjectUrl(isImage ? page.blob : undefined);
  // A photographed page may have cost a trip to find the paper: a slip of the thumb on ✕ must
  // not delete it, so removing asks first (keeping is the default).
  const [asking, setAsking] = useState(false);
  return (
    <li className="page" data-testid={`page-${slotKey}`}>
      <span className="thumb">
        {isImage && url ? <img src={url} alt="" /> : <span className="thumb-doc">{isImage ? '' : 'PDF'}</span>}
      </span>
      <span className="page-name">
        <strong>{t('form.page', { n })}</strong>
        <span className="muted small">{page.fileName}</span>
        {/* The size tells the person what sending will cost on a weak network. */}
        <span className="muted small page-size" data-testid="page-size">
          {formatBytes(page.size, lang)}
          {isImage && !page.shrunk && page.size > 1024 * 1024 ? ` · ${t('form.original')}` : ''}
        </span>
      </span>
      <span className="page-tools">
        <button type="button" className="icon-btn" aria-label={t('form.moveUp', { n })} disabled={first} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="icon-btn" aria-label={t('form.moveDown', { n })} disabled={last} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="icon-btn icon-danger" aria-label={t('form.remove', { n })} aria-expanded={asking} onClick={() => setAsking(true)}>
          ✕
        </button>
      </span>
      {asking && (
        <span className="page-ask" role="group" aria-label={t('form.remove', { n })} data-testid="page-remove-ask">
          <span>{t('form.removeAsk', { n })}</span>
          {/* The safe answer takes the focus the ✕ had. */}
          <button type="button" className="btn" autoFocus onClick={() => setAsking(false)}>
            {t('form.removeKeep')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              setAsking(false);
              onRemove();
            }}
          >
            {t('form.removeConfirm')}
          </button>
        </span>
      )}
    </li>
  );
}
