// Receiving a dossier: idempotent by the id made on the device, refused while any attachment
// is not stored intact, numbered by the agency's daily sequence, and answered with a receipt
// that is stored exactly as issued.
import { randomBytes } from 'node:crypto';
import {
  dossierDay,
  dueAt,
  formatDossierCode,
  lookupCodeFrom,
  Receipt,
  validateDossier,
  vnLocal,
  type Channel,
  type DossierSubmission,
  type Problem,
  type Procedure,
} from '@hsc/shared';
import { searchText } from '../store/search.ts';
import type { DossierRecord, Store } from '../store/store.ts';
import type { AttachmentService } from './attachments.ts';
import type { CalendarService } from './calendar.ts';
import type { RequestMeta } from './staff.ts';
import { constantTimeEqual, differences, sha256Hex } from './canonical.ts';
import { canonicalize } from '@hsc/shared/canonical';
import { withSignature, type ReceiptSigner } from './signing.ts';

export type SubmitOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'repeated'; receipt: Receipt }
  | { kind: 'conflict'; differences: string[] }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'attachments_missing'; missing: string[]; corrupt: string[] };

/** How a dossier arrives: from the citizen's device (with its secret), or typed in at the desk. */
export interface SubmitOptions {
  channel: Channel;
  /** The device secret. A desk submission may come without one; nobody reads its status by secret then. */
  secret?: string;
  /** For the audit log: the officer who typed a walk-in dossier in, and the request's origin. */
  staffId?: string;
  meta?: RequestMeta;
}

/** Shown in 409s when the secret differs: nothing about the content is revealed then. */
export const SECRET_DIFFERENCE = 'x-dossier-secret';

/** QCVN 102:2016 identifier of a commune's agency. (unverified: H19 = Thái Nguyên's prefix is
 * assumed; the real identifiers were not at hand, so each unit's value is editable data.) */
export const defaultAgencyId = (unitCode: string) => `H19.${unitCode}`;

export function newLookupCode(): string {
  for (;;) {
    try {
      return lookupCodeFrom(randomBytes(16));
    } catch {
      // 16 bytes almost always hold 4 usable ones; on the rare miss, draw again.
    }
  }
}

export class SubmissionService {
  constructor(
    private readonly store: Store,
    private readonly attachments: AttachmentService,
    private readonly calendar: CalendarService,
    private readonly now: () => Date,
    private readonly signer?: ReceiptSigner,
  ) {}

  async submit(id: string, body: DossierSubmission, opts: SubmitOptions): Promise<SubmitOutcome> {
    const bodyJson = canonicalize(body);
    const bodyHash = sha256Hex(bodyJson);
    // Without a secret the stored hash is of random bytes: no device can ever present it.
    const secretHash = sha256Hex(opts.secret ?? randomBytes(32).toString('base64url'));
    const check = (d: DossierRecord) => compare(d, body, bodyHash, opts.secret === undefined ? undefined : secretHash, opts.channel);

    // A resend is answered from what was stored, before any rule that may have changed since.
    const existing = await this.store.getDossier(id);
    if (existing) return check(existing);

    const at = this.now();
    const found = await this.procedureFor(body);
    const procedure = 'procedure' in found ? found.procedure : undefined;
    const unit = await this.store.getUnit(body.unitCode);
    const problems: Problem[] = 'procedure' in found ? validateDossier(found.procedure, body, vnLocal(at).date, { channel: opts.channel }) : [found];
    if (!unit && !problems.some((p) => p.path === 'unitCode')) problems.push({ path: 'unitCode', code: 'unit' });
    if (procedure?.units && unit && !procedure.units.includes(unit.code)) problems.push({ path: 'unitCode', code: 'unitNotOffered' });
    if (!procedure || !unit || problems.length > 0) return { kind: 'invalid', problems };

    const audit = await this.attachments.audit(id, body.attachments);
    if (audit.missing.length > 0 || audit.corrupt.length > 0) return { kind: 'attachments_missing', ...audit };

    const receivedAt = at.toISOString();
    const due = dueAt(at, procedure.processingDays, await this.calendar.current()).toISOString();
    const lookupCode = newLookupCode();
    const result = await this.store.createDossier({
      id,
      agencyId: unit.agencyId,
      day: dossierDay(at),
      lookupCode,
      unitCode: unit.code,
      procedureCode: procedure.code,
      procedureVersion: procedure.version,
      status: 'registered',
      body: bodyJson,
      bodyHash,
      secretHash,
      receivedAt,
      dueAt: due,
      channel: opts.channel,
      documents: body.attachments.map((a) => ({ attachmentId: a.id, slot: a.slot })),
      audit: {
        at: receivedAt,
        actorKind: opts.staffId ? 'staff' : 'citizen',
        staffId: opts.staffId ?? null,
        action: opts.channel === 'desk' ? 'submit_desk' : 'submit',
        toStatus: 'registered',
        ip: opts.meta?.ip,
        userAgent: opts.meta?.userAgent,
        details: { attachments: body.attachments.map((a) => a.id) },
      },
      search: (code) => searchText(code, body),
      issue: (sequence) => {
        const code = formatDossierCode(unit.agencyId, at, sequence);
        // Parsing fixes the key order, so the stored text is what every later read serves.
        const receipt = Receipt.parse({
          dossierId: id,
          code,
          lookupCode,
          unitCode: unit.code,
          procedureCode: procedure.code,
          status: 'registered',
          receivedAt,
          dueAt: due,
          documents: body.attachments.map((a) => ({ attachmentId: a.id, slot: a.slot, sha256: a.sha256, size: a.size })),
        });
        // Signed here, inside the transaction, and stored signed: a resend serves these bytes.
        return { code, receipt: JSON.stringify(Receipt.parse(withSignature(receipt, this.signer))) };
      },
    });
    if (result.created) return { kind: 'created', receipt: readReceipt(result.dossier) };

    // Another request with this id committed first: answer as for a resend.
    const winner = await this.store.getDossier(id);
    if (!winner) throw new Error(`dossier ${id} neither inserted nor found`);
    return check(winner);
  }

  /**
   * The version a new dossier is validated, stored and processed against: the one its form was
   * filled in (older phones send none: the current one). A retired procedure takes no new dossier.
   */
  private async procedureFor(body: DossierSubmission): Promise<{ procedure: Procedure } | Problem> {
    const row = body.procedureCode ? await this.store.catalog.get(body.procedureCode) : undefined;
    if (!row?.published) return { path: 'procedureCode', code: body.procedureCode ? 'choice' : 'required' };
    if (row.status === 'retired') return { path: 'procedureCode', code: 'procedureRetired' };
    if (body.procedureVersion === undefined) return { procedure: row.published };
    const pinned = await this.store.catalog.getVersion(row.code, body.procedureVersion);
    return pinned ? { procedure: pinned } : { path: 'procedureVersion', code: 'procedureVersion' };
  }
}

export const readReceipt = (d: DossierRecord): Receipt => Receipt.parse(JSON.parse(d.receipt));

/** `secretHash` undefined: a desk resend, authorised by the staff session instead of a secret. */
function compare(existing: DossierRecord, body: DossierSubmission, bodyHash: string, secretHash: string | undefined, channel: Channel): SubmitOutcome {
  if (secretHash !== undefined && !constantTimeEqual(existing.secretHash, secretHash)) {
    return { kind: 'conflict', differences: [SECRET_DIFFERENCE] };
  }
  if (existing.channel !== channel) return { kind: 'conflict', differences: ['channel'] };
  if (existing.bodyHash === bodyHash) return { kind: 'repeated', receipt: readReceipt(existing) };
  const stored = JSON.parse(existing.body) as DossierSubmission;
  const diff = differences(stored, body);
  return { kind: 'conflict', differences: diff.length > 0 ? diff : ['body'] };
}
