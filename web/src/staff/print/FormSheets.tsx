// Mẫu 01-04 of Circular 01/2018 as A5 sheets, drawn only from the stored form JSON the API
// returned: what the officer prints is what the server issued and keeps.
import type { FormDocument } from '@hsc/shared/desk';
import { formatDateTime } from '../../ui/format.ts';
import { GroupRows } from '../dossier/Facts.tsx';
import { ApplicantLines, Sheet, Signature } from './Sheet.tsx';
import { fill, FORM_WORDS as W } from './words.ts';

type Of<K extends FormDocument['kind']> = Extract<FormDocument, { kind: K }>;

function Form01({ doc }: { doc: Of<'01'> }) {
  return (
    <Sheet doc={doc} signatures={<><Signature title={W.applicantSign} /><Signature title={W.officerSign} name={doc.officer.name} /></>}>
      {/* As the Circular's Mẫu 01 has it: the name follows "Tiếp nhận hồ sơ của" on its line. */}
      <ApplicantLines doc={doc} label={W.received.replace(/:$/, '')} />
      <p>
        {W.request}: <strong data-testid="form-procedure">{doc.procedure.name}</strong> ({W.channel[doc.channel]})
      </p>
      {doc.fields?.length ? (
        <dl className="sheet-fields" data-testid="form-fields">
          {doc.fields.map((f) => (
            <div key={f.key}>
              {/* A label that is a question ("…không?") takes no colon after it. */}
              <dt>{/[?:]$/.test(f.label) ? f.label : `${f.label}:`}</dt> <dd>{f.rows ? <GroupRows rows={f.rows} /> : f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>{W.documents}</p>
      <table className="sheet-table" data-testid="form-documents">
        <thead>
          <tr>
            {/* Narrow number columns leave the document's name most of the width: one line each, mostly. */}
            <th className="col-no">#</th>
            <th>{W.docCol}</th>
            <th className="nowrap">{W.kindCol}</th>
            <th className="col-count">{W.countCol}</th>
            <th className="col-count">{W.pagesCol}</th>
          </tr>
        </thead>
        <tbody>
          {doc.documents.map((d, i) => (
            <tr key={`${d.slot}-${d.version}`}>
              <td>{i + 1}</td>
              <td>{d.label}</td>
              {/* Forms issued before the kind was recorded keep the channel's word. */}
              <td className="nowrap">{d.kind ? W.kinds[d.kind] : doc.channel === 'online' ? W.electronic : W.scanned}</td>
              <td className="num">{d.count ?? 1}</td>
              <td className="num">{d.pages}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Two columns where the lines are short, so 8 document rows leave room for the signatures. */}
      <div className="sheet-lines sheet-pairs">
        <p className="wide">
          {fill(W.sets, { sets: doc.sets })}
          {doc.copies ? (
            <>
              {'. '}
              <span data-testid="form-copies">{fill(W.copies, { copies: String(doc.copies).padStart(2, '0') })}</span>
            </>
          ) : null}
        </p>
        <p>{fill(W.time, { time: doc.procedure.processingTime })}</p>
        <p data-testid="form-received">{fill(W.receivedAt, { at: formatDateTime(doc.receivedAt) })}</p>
        <p data-testid="form-due">
          <strong>{fill(W.dueAt, { at: formatDateTime(doc.dueAt) })}</strong>
        </p>
        <p>{fill(W.register, { number: doc.number })}</p>
        <p className="wide">{fill(W.delivery, { where: doc.resultDelivery })}</p>
      </div>
    </Sheet>
  );
}

function Form02({ doc }: { doc: Of<'02'> }) {
  return (
    <Sheet doc={doc} signatures={<Signature title={W.signOfficer} name={doc.officer.name} />}>
      <ApplicantLines doc={doc} />
      <p>
        {W.request}: <strong>{doc.procedure.name}</strong>
      </p>
      <p>{fill(W.supplementIntro, { at: formatDateTime(doc.receivedAt) })}</p>
      <table className="sheet-table" data-testid="form-items">
        <thead>
          <tr>
            <th className="col-no">#</th>
            <th className="col-item">{W.itemCol}</th>
            <th>{W.reasonCol}</th>
          </tr>
        </thead>
        <tbody>
          {doc.items.map((item, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{item.label}</td>
              <td>{item.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">{W.supplementOutro}</p>
      <p className="small" data-testid="form-contact">
        {doc.officer.phone ? fill(W.contactPhone, { name: doc.officer.name, phone: doc.officer.phone }) : fill(W.contact, { name: doc.officer.name })}
      </p>
    </Sheet>
  );
}

function Form03({ doc }: { doc: Of<'03'> }) {
  return (
    <Sheet doc={doc} signatures={<Signature title={W.signOfficer} name={doc.officer.name} />}>
      <ApplicantLines doc={doc} />
      <p>
        {W.request}: <strong>{doc.procedure.name}</strong>
      </p>
      <p>{fill(W.refuseIntro, { at: formatDateTime(doc.receivedAt) })}</p>
      <ol data-testid="form-reasons">
        {doc.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ol>
    </Sheet>
  );
}

function Form04({ doc }: { doc: Of<'04'> }) {
  return (
    <Sheet doc={doc} signatures={<Signature title={W.signOfficer} name={doc.officer.name} />}>
      <ApplicantLines doc={doc} />
      <p>
        {W.request}: <strong>{doc.procedure.name}</strong>
      </p>
      <p>{fill(W.apologyIntro, { at: formatDateTime(doc.receivedAt), previous: formatDateTime(doc.previousDueAt) })}</p>
      <p>{fill(W.apologyReason, { reason: doc.reason })}</p>
      <p data-testid="form-new-due">
        <strong>{fill(W.apologyNew, { at: formatDateTime(doc.newDueAt) })}</strong>
      </p>
    </Sheet>
  );
}

export function FormSheet({ doc }: { doc: FormDocument }) {
  switch (doc.kind) {
    case '01':
      return <Form01 doc={doc} />;
    case '02':
      return <Form02 doc={doc} />;
    case '03':
      return <Form03 doc={doc} />;
    case '04':
      return <Form04 doc={doc} />;
  }
}
