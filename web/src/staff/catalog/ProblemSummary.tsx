// Every problem at once above the buttons, each with where it is and a way to go there: the
// message under the control says what, this list says how many and where.
import { forwardRef } from 'react';
import type { StaffKey, StaffT } from '../i18n/index.ts';
import { useStaffT } from '../i18n/index.ts';
import { splitPath, type Problems } from './problems.ts';

const TOP: Record<string, StaffKey> = {
  code: 'catalog.editor.code',
  verified: 'catalog.editor.verified',
  name: 'catalog.editor.name',
  field: 'catalog.editor.field',
  level: 'catalog.editor.level',
  legalBasis: 'catalog.editor.legalBasis',
  where: 'catalog.editor.where',
  processingDays: 'catalog.editor.time.daysLabel',
  processingTime: 'catalog.editor.time.text',
  fee: 'catalog.editor.fee.text',
  feeRule: 'catalog.editor.sections.fee',
  feeExemption: 'catalog.editor.fee.exemption',
  units: 'catalog.editor.sections.units',
  lifeEvents: 'catalog.editor.lifeEvents',
  keywords: 'catalog.editor.keywords',
  fields: 'catalog.editor.sections.fields',
  documents: 'catalog.editor.sections.documents',
};

/** "Trường 3 › Trường 1", "Giấy tờ 2", "Tên thủ tục": where on the page a path is. */
export function placeOf(path: string, t: StaffT): string {
  const parts = splitPath(path);
  const [a, i] = parts;
  if (a === 'fields' && i !== undefined) {
    const places: string[] = [];
    // fields.1.fields.0.options.2…: a field, maybe a sub-field, maybe one of its options.
    for (let k = 0; k + 1 < parts.length; k += 2) {
      const n = Number(parts[k + 1]) + 1;
      if (!Number.isInteger(n)) break;
      if (parts[k] === 'fields') places.push(t('catalog.fields.number', { n }));
      else if (parts[k] === 'options') places.push(t('catalog.options.number', { n }));
      else break;
    }
    return places.join(' › ');
  }
  if (a === 'documents' && i !== undefined) return t('catalog.documents.number', { n: Number(i) + 1 });
  const key = a ? TOP[a] : undefined;
  return key ? t(key) : t('catalog.editor.problems.general');
}

/** Moves focus to the control a problem is about (its first input when it is a block). */
export function goTo(path: string): void {
  const at = document.querySelector<HTMLElement>(`[data-anchor="${path}"]`);
  if (!at) return;
  const target = at.matches('input, select, textarea, button') ? at : at.querySelector<HTMLElement>('input, select, textarea, button');
  at.scrollIntoView?.({ block: 'center' });
  (target ?? at).focus();
}

export const ProblemSummary = forwardRef<HTMLDivElement, { problems: Problems; serverMessage?: string }>(function ProblemSummary({ problems, serverMessage }, ref) {
  const { t } = useStaffT();
  const entries = [...problems.entries()].flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
  if (!entries.length && !serverMessage) return null;
  return (
    <div className="notice cproblems" role="alert" tabIndex={-1} ref={ref} data-testid="problem-summary">
      {serverMessage ? <p className="serror">{t('catalog.editor.problems.server', { message: serverMessage })}</p> : null}
      {entries.length ? <p className="serror">{t('catalog.editor.problems.title', { n: entries.length })}</p> : null}
      <ul>
        {entries.map((e, k) => (
          <li key={k}>
            <strong>{placeOf(e.path, t)}:</strong> {e.message}{' '}
            {e.path ? (
              <button type="button" className="btn btn-small btn-ghost" onClick={() => goTo(e.path)}>
                {t('catalog.editor.problems.show')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
});
