// The parts every Mẫu 01-04 shares: the agency and national header, the title, the dossier
// and applicant lines, the signature block with the QR of the dossier code.
import type { FormDocument } from '@hsc/shared/desk';
import { vnLocal } from '@hsc/shared/workdays';
import type { ReactNode } from 'react';
import { Qr } from './Qr.tsx';
import { fill, FORM_WORDS as W } from './words.ts';

/** What the shared frame needs of a sheet: a stored Mẫu 01-04, or Mẫu 05 read from the steps (no register number). */
export type SheetDoc = Pick<FormDocument, 'issuedAt' | 'dossierCode' | 'lookupCode'> & {
  kind: FormDocument['kind'] | '05';
  number?: string;
  agency: { unitName: string; desk: string };
};

export function placeDate(doc: SheetDoc): string {
  const [year, month, day] = vnLocal(new Date(doc.issuedAt)).date.split('-');
  return fill(W.placeDate, { place: doc.agency.unitName, day: day!, month: month!, year: year! });
}

export function Sheet({ doc, children, signatures }: { doc: SheetDoc; children: ReactNode; signatures: ReactNode }) {
  return (
    <div className="sheet" data-testid={`form-${doc.kind}`} lang="vi">
      <header className="sheet-head">
        <div className="sheet-agency">
          <p className="upper">{doc.agency.unitName}</p>
          <p className="upper strong">{doc.agency.desk}</p>
          <p className="rule" />
          {doc.number ? <p>{fill(W.number, { number: doc.number })}</p> : null}
        </div>
        <div className="sheet-nation">
          <p className="strong">{W.nation}</p>
          <p className="strong motto">{W.motto}</p>
          <p className="rule" />
          <p className="italic">{placeDate(doc)}</p>
        </div>
      </header>
      <h1 className="sheet-title">{W.titles[doc.kind]}</h1>
      <p className="sheet-code">
        {W.code}: <strong className="code" data-testid="form-code">{doc.dossierCode}</strong> · {W.lookup}: <strong className="code">{doc.lookupCode}</strong>
      </p>
      {children}
      <footer className="sheet-foot">
        <Qr text={doc.dossierCode} label={fill(W.qr, { code: doc.dossierCode })} />
        {signatures}
      </footer>
    </div>
  );
}

/** `label`: what leads the applicant's name (Mẫu 01 reads "Tiếp nhận hồ sơ của: <name>"). */
export function ApplicantLines({ doc, label = W.applicant }: { doc: Pick<FormDocument, 'applicant'>; label?: string }) {
  const a = doc.applicant;
  return (
    <div className="sheet-lines" data-testid="form-applicant">
      <p>
        {label}: <strong>{a.fullName}</strong>
      </p>
      <p>
        {W.address}: {a.address}
      </p>
      <p>
        {/* A walk-in with no phone: the form says so rather than leave a blank to fill in. */}
        {W.phone}: {a.noPhone ? W.noPhone : a.phone}
        {a.email ? ` · ${W.email}: ${a.email}` : ''}
      </p>
    </div>
  );
}

export function Signature({ title, name }: { title: string; name?: string }) {
  return (
    <div className="sign">
      <p className="strong">{title}</p>
      <p className="italic small">{W.signHint}</p>
      <p className="sign-name">{name ?? ''}</p>
    </div>
  );
}
