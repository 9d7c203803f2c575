// /staff/forms/:formId: the stored form on an A5 sheet, a print button, and the way back.
// Printing hides everything but the sheet (staff.css, @media print).
import { formPath, getForm } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { Link } from '../../ui/router.tsx';
import { staffPaths } from '../routes.ts';
import { FormSheet } from './FormSheets.tsx';

export function FormPreview({ formId }: { formId: string }) {
  const { t } = useStaffT();
  const form = useResource(formPath(formId), () => getForm(formId));
  const doc = form.data;
  return (
    <div className="preview" data-testid="form-preview">
      <div className="preview-tools staff-chrome">
        {doc ? (
          <Link to={staffPaths.dossier(doc.dossierId)} className="btn btn-secondary">
            ← {t('print.back')}
          </Link>
        ) : null}
        <button type="button" className="btn btn-primary" data-testid="print" disabled={!doc} onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <span className="muted small">{t('print.hint')}</span>
      </div>
      {form.error && !doc ? (
        <p className="serror" role="alert">
          {errorText(t, form.error)}
        </p>
      ) : null}
      {!doc && !form.error ? <p className="muted">{t('print.loading')}</p> : null}
      {doc ? <FormSheet doc={doc} /> : null}
    </div>
  );
}
