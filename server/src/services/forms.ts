// The Mẫu 01-04 documents of Circular 01/2018 as data: built once when the action happens,
// stored as issued, and printed from the stored text (so what is printed is what was stored).
import { FormDocument, shownFields, type DocumentKind, type DossierStatus, type DossierSubmission, type FieldValues, type Procedure, type SupplementItem } from '@hsc/shared';
import type { DossierRecord, DocumentRecord, SupplementRecord, UnitRecord } from '../store/store.ts';
import { DEFAULT_LANGUAGE, translate } from './texts.ts';
import { withSignature, type ReceiptSigner } from './signing.ts';

export interface FormContext {
  id: string;
  issuedAt: string;
  dossier: DossierRecord;
  unit: UnitRecord;
  procedure: Procedure;
  officer: { id: string; name: string; phone?: string };
  /** Signs the form as issued (absent in tests that do not wire one). */
  signer?: ReceiptSigner;
  /** Names of communes for fields that hold one. */
  unitName?: (code: string) => string | undefined;
}

export type FormPayload =
  | { kind: '01'; documents: readonly DocumentRecord[]; fields: FieldValues; dueAt: string }
  | { kind: '02'; supplementId: string; items: readonly SupplementItem[] }
  | { kind: '03'; reasons: readonly string[] }
  | { kind: '04'; previousDueAt: string; newDueAt: string; reason: string };

/** Counter of a form kind's register at a unit (numbers restart every year). */
export const formCounter = (kind: FormPayload['kind'], unitCode: string) => `form${kind}:${unitCode}`;

const STATUS_AFTER: Partial<Record<FormPayload['kind'], DossierStatus>> = { '01': 'accepted', '02': 'supplement_requested', '03': 'refused' };

// A form is a legal document in Vietnamese: its words are the Vietnamese server.json's (`forms`)
// and common.json's (`yesNo`), whatever language the officer reads.
const words = (key: string, params?: Record<string, unknown>) => translate(DEFAULT_LANGUAGE, key, params);
const deskOf = (unit: UnitRecord) => words('forms.desk', { unit: unit.name });

/**
 * Copies (liên) of a Mẫu 01: one for the applicant, one kept at the desk. A sensible default,
 * not checked against the form's own note; stored in each form so a later change leaves
 * issued forms as they were.
 */
const RECEIPT_COPIES = 2;

/** The form's values as they stand: the first submission with each supplement's corrections over it. */
export function currentFields(body: Pick<DossierSubmission, 'fields'>, supplements: readonly Pick<SupplementRecord, 'fields'>[]): FieldValues {
  const fields = { ...body.fields };
  for (const s of supplements) if (s.fields) Object.assign(fields, JSON.parse(s.fields) as FieldValues);
  return fields;
}

/** The latest version of each slot: a supplement's pages for a slot replace the older ones. */
export function currentDocuments(docs: readonly DocumentRecord[]): DocumentRecord[] {
  const latest = new Map<string, number>();
  for (const d of docs) latest.set(d.slot, Math.max(latest.get(d.slot) ?? 0, d.version));
  return docs.filter((d) => d.version === latest.get(d.slot));
}

export function buildForm(ctx: FormContext, number: string, payload: FormPayload): string {
  const body = JSON.parse(ctx.dossier.body) as DossierSubmission;
  const base = {
    id: ctx.id,
    number,
    issuedAt: ctx.issuedAt,
    dossierId: ctx.dossier.id,
    dossierCode: ctx.dossier.code,
    lookupCode: ctx.dossier.lookupCode,
    agency: { unitCode: ctx.unit.code, unitName: ctx.unit.name, agencyId: ctx.unit.agencyId, desk: deskOf(ctx.unit) },
    applicant: {
      fullName: body.applicant.fullName,
      address: body.applicant.address,
      phone: body.applicant.phone,
      ...(body.applicant.email ? { email: body.applicant.email } : {}),
      ...(body.applicant.noPhone ? { noPhone: true as const } : {}),
    },
    procedure: { code: ctx.procedure.code, name: ctx.procedure.name.vi, processingTime: ctx.procedure.processingTime.vi },
    officer: ctx.officer,
  };
  const receivedAt = ctx.dossier.clockFrom;
  let form: FormDocument;
  switch (payload.kind) {
    case '01': {
      type Entry = { slot: string; label: string; pages: number; version: number; sha256: string[]; kind: DocumentKind | 'electronicCopy'; count: number };
      const bySlot = new Map<string, Entry>();
      // What the procedure asks for, else what the channel brings: an online dossier is scans.
      const channelKind = ctx.dossier.channel === 'online' ? 'electronicCopy' : 'copy';
      for (const d of currentDocuments(payload.documents)) {
        const entry = bySlot.get(d.slot);
        if (entry) {
          entry.pages++;
          entry.sha256.push(d.attachment.sha256);
        } else {
          const slot = ctx.procedure.documents.find((s) => s.key === d.slot);
          const label = slot?.label.vi ?? d.slot;
          // One paper per slot: its pages are counted apart.
          bySlot.set(d.slot, { slot: d.slot, label, pages: 1, version: d.version, sha256: [d.attachment.sha256], kind: slot?.kind ?? channelKind, count: 1 });
        }
      }
      form = {
        ...base,
        kind: '01',
        channel: ctx.dossier.channel,
        fields: shownFields(ctx.procedure, payload.fields, 'vi', { yes: words('common:yesNo.yes'), no: words('common:yesNo.no') }, ctx.unitName),
        documents: [...bySlot.values()],
        sets: 1,
        copies: RECEIPT_COPIES,
        receivedAt,
        dueAt: payload.dueAt,
        resultDelivery:
          ctx.dossier.channel === 'online'
            ? words('forms.deliveryOnline')
            : words('forms.deliveryDesk', { desk: deskOf(ctx.unit) }),
      };
      break;
    }
    case '02':
      form = { ...base, kind: '02', supplementId: payload.supplementId, receivedAt, items: [...payload.items] };
      break;
    case '03':
      form = { ...base, kind: '03', receivedAt, reasons: [...payload.reasons] };
      break;
    case '04':
      form = { ...base, kind: '04', receivedAt, previousDueAt: payload.previousDueAt, newDueAt: payload.newDueAt, reason: payload.reason };
      break;
  }
  // The status the form leaves the dossier in (04 keeps it), so the signed text states it.
  form.status = STATUS_AFTER[payload.kind] ?? ctx.dossier.status;
  // Parsing fixes the key order, so the stored text is what every later read serves; it is
  // signed as issued, and the signature is stored inside it.
  return JSON.stringify(FormDocument.parse(withSignature(FormDocument.parse(form), ctx.signer)));
}
