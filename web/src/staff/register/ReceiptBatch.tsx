// /staff/receipts/:day: every Mẫu 01 the unit issued that day, each on its own A5 sheet (a page
// break between them, staff.css), printed in one go from the stored forms.
import { useStaffT } from '../i18n/index.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { Link } from '../../ui/router.tsx';
import { FormSheet } from '../print/FormSheets.tsx';
import { getReceipts, receiptsPath } from './api.ts';
import { registerScreenPath } from './paths.ts';

export function ReceiptBatch({ day, unit }: { day: string; unit?: string }) {
  const { t } = useStaffT();
  const batch = useResource(receiptsPath(day, unit), () => getReceipts(day, unit));
  const forms = batch.data?.forms;
  return (
    <div className="preview" data-testid="receipt-batch" data-count={forms?.length ?? ''}>
      <div className="preview-tools staff-chrome">
        <Link to={registerScreenPath()} className="btn btn-secondary">
          ← {t('receipts.back')}
        </Link>
        <h1 className="receipts-title">{t('receipts.title', { date: day.split('-').reverse().join('/') })}</h1>
        <button type="button" className="btn btn-primary" data-testid="receipts-print" disabled={!forms?.length} onClick={() => window.print()}>
          {t('receipts.print', { count: forms?.length ?? 0 })}
        </button>
        <span className="muted small">{t('receipts.hint')}</span>
      </div>
      {batch.error && !batch.data ? <p className="serror">{errorText(t, batch.error)}</p> : null}
      {!batch.data && !batch.error ? <p className="muted">{t('receipts.loading')}</p> : null}
      {forms && forms.length === 0 ? (
        <p className="empty muted" data-testid="receipts-empty">
          {t('receipts.empty')}
        </p>
      ) : null}
      {forms?.map((doc) => <FormSheet key={doc.id} doc={doc} />)}
    </div>
  );
}
