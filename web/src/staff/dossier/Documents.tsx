// The documents of a dossier, slot by slot in the catalog's order: the current pages large,
// earlier versions folded; each page says whether the server re-hashed its bytes and found
// them intact ("bytes verified"). Pictures open large; PDFs open in a new tab.
import type { DeskAttachment, DeskDossier } from '@hsc/shared/desk';
import type { Procedure } from '@hsc/shared/schemas';
import { useState } from 'react';
import { localized } from '../../i18n/index.ts';
import { formatBytes } from '../../ui/format.ts';
import { fileUrl } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useStaffT } from '../i18n/index.ts';
import { openInNewTab } from './openFile.ts';
import { Zoom } from './Zoom.tsx';

interface SlotGroup {
  key: string;
  label: string;
  pages: DeskAttachment[];
}

export function slotGroups(d: DeskDossier, procedure: Procedure | undefined, lang: string): SlotGroup[] {
  const known = procedure?.documents ?? [];
  const keys = [...known.map((s) => s.key), ...new Set(d.attachments.map((a) => a.slot).filter((k) => !known.some((s) => s.key === k)))];
  return keys.map((key) => {
    const slot = known.find((s) => s.key === key);
    return { key, label: slot ? localized(slot.label, lang) : key, pages: d.attachments.filter((a) => a.slot === key) };
  });
}

export function Documents({ dossier, procedure }: { dossier: DeskDossier; procedure: Procedure | undefined }) {
  const { t, lang } = useStaffT();
  const [zoom, setZoom] = useState<{ src: string; alt: string }>();
  const [error, setError] = useState<string>();
  const groups = slotGroups(dossier, procedure, lang);

  const open = (a: DeskAttachment, alt: string) => {
    const src = fileUrl(dossier.id, a.id);
    if (a.mediaType.startsWith('image/')) return setZoom({ src, alt });
    setError(undefined);
    openInNewTab(src).catch((e: unknown) => setError(errorText(t, e)));
  };

  return (
    <section className="scard" aria-labelledby="docs-title">
      <h2 id="docs-title">{t('dossier.documents')}</h2>
      <p className="muted small">{t('dossier.zoomHint')}</p>
      {error ? <p className="serror">{error}</p> : null}
      {groups.map((g) => {
        const current = g.pages.filter((p) => p.current);
        const older = g.pages.filter((p) => !p.current);
        return (
          <div key={g.key} className="dslot" data-testid={`doc-slot-${g.key}`}>
            <h3>{g.label}</h3>
            {g.pages.length === 0 ? <p className="muted small">{t('dossier.noDocuments')}</p> : null}
            <Pages pages={current} label={g.label} onOpen={open} dossierId={dossier.id} />
            {older.length ? (
              <details className="folded">
                <summary>
                  {t('dossier.older')} ({older.length})
                </summary>
                <Pages pages={older} label={g.label} onOpen={open} dossierId={dossier.id} />
              </details>
            ) : null}
          </div>
        );
      })}
      {zoom ? <Zoom src={zoom.src} alt={zoom.alt} onClose={() => setZoom(undefined)} /> : null}
    </section>
  );
}

function Pages({ pages, label, dossierId, onOpen }: { pages: DeskAttachment[]; label: string; dossierId: string; onOpen: (a: DeskAttachment, alt: string) => void }) {
  const { t, lang } = useStaffT();
  if (!pages.length) return null;
  return (
    <ul className="dpages">
      {pages.map((a, i) => {
        const alt = `${label}, ${t('dossier.page', { n: i + 1 })}`;
        const image = a.mediaType.startsWith('image/');
        return (
          <li key={a.id} className="dpage" data-testid="doc-page" data-verified={a.verified} data-version={a.version}>
            <button type="button" className="dthumb" onClick={() => onOpen(a, alt)} aria-label={image ? alt : `${t('dossier.openFile')}: ${a.fileName}`}>
              {image ? <img src={fileUrl(dossierId, a.id)} alt="" loading="lazy" data-testid="doc-image" /> : <span className="dthumb-doc">PDF</span>}
            </button>
            <span className="small">
              {t('dossier.page', { n: i + 1 })} · {a.version === 1 ? t('dossier.firstVersion') : t('dossier.supplementVersion', { n: a.version - 1 })} ·{' '}
              {formatBytes(a.size, lang)}
            </span>
            {a.verified ? (
              <span className="verified small" data-testid="verified">
                {t('dossier.verified')}
              </span>
            ) : (
              <span className="serror small" data-testid="not-verified">
                {t('dossier.notVerified')}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
