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
        <button type="button" className="icon-btn icon-danger" aria-label={t('form.remove', { n })} onClick={onRemove}>
          ✕
        </button>
      </span>
    </li>
  );
}
