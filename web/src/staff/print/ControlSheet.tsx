// Mẫu 05 of Circular 01/2018, "Phiếu kiểm soát quá trình giải quyết hồ sơ": every step of the
// dossier through the unit (who handed it to whom, when received, due, when handed on, early,
// on time or late), on an A5 sheet in the frame of Mẫu 01-04. Unlike those it is not issued
// once and stored: it is read from the recorded steps each time it is printed.
import type { ControlSheet, HandoverStep } from '@hsc/shared/handover';
import { formatDateTime } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { controlSheetPath, getControlSheet } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useStaffT } from '../i18n/index.ts';
import { staffPaths } from '../routes.ts';
import { ApplicantLines, Sheet, Signature } from './Sheet.tsx';
import { fill, FORM_WORDS as W } from './words.ts';

const C = W.control;

function giver(s: HandoverStep): string {
  return s.from ? s.from.name : C.applicant;
}

function taker(s: HandoverStep, desk: string): string {
  return s.to ? (s.seq === 0 ? `${desk} (${s.to.name})` : s.to.name) : desk;
}

export function ControlSheetForm({ sheet }: { sheet: ControlSheet }) {
  return (
    <Sheet doc={sheet} signatures={<Signature title={W.officerSign} />}>
      <ApplicantLines doc={sheet} label={C.intro} />
      <p>
        {W.request}: <strong>{sheet.procedure.name}</strong>
      </p>
      <div className="sheet-lines">
        <p>{fill(C.received, { at: formatDateTime(sheet.receivedAt) })}</p>
        <p>
          <strong>{fill(C.due, { at: formatDateTime(sheet.dueAt) })}</strong>
        </p>
      </div>
      <table className="sheet-table" data-testid="control-steps">
        <thead>
          <tr>
            <th>#</th>
            <th>{C.giver}</th>
            <th>{C.taker}</th>
            <th>{C.receivedCol}</th>
            <th>{C.dueCol}</th>
            <th>{C.handedCol}</th>
            <th>{C.resultCol}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.steps.map((s) => (
            <tr key={s.seq} data-testid="control-step" data-timing={s.timing ?? 'open'}>
              <td>{s.seq + 1}</td>
              <td>{giver(s)}</td>
              <td>{taker(s, C.desk)}</td>
              <td>{formatDateTime(s.receivedAt)}</td>
              <td>{formatDateTime(s.dueAt)}</td>
              <td>{s.handedOnAt ? formatDateTime(s.handedOnAt) : ''}</td>
              <td>{s.timing ? C.timing[s.timing] : C.holding}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small italic">{fill(C.printedAt, { at: formatDateTime(sheet.issuedAt) })}</p>
    </Sheet>
  );
}

/** /staff/dossiers/:id/mau-05: the sheet, a print button and the way back. */
export function ControlSheetPreview({ dossierId }: { dossierId: string }) {
  const { t } = useStaffT();
  const res = useResource(controlSheetPath(dossierId), () => getControlSheet(dossierId));
  const sheet = res.data;
  return (
    <div className="preview" data-testid="form-preview">
      <div className="preview-tools staff-chrome">
        <Link to={staffPaths.dossier(dossierId)} className="btn btn-secondary">
          ← {t('print.back')}
        </Link>
        <button type="button" className="btn btn-primary" data-testid="print" disabled={!sheet} onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <span className="muted small">{t('print.hint')}</span>
      </div>
      {res.error && !sheet ? (
        <p className="serror" role="alert">
          {errorText(t, res.error)}
        </p>
      ) : null}
      {!sheet && !res.error ? <p className="muted">{t('print.loading')}</p> : null}
      {sheet ? <ControlSheetForm sheet={sheet} /> : null}
    </div>
  );
}
