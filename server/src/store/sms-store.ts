// SMS opt-ins, one per dossier: the phone a status change is texted to, for people without a
// smartphone. The number is personal data: read only to send, removed when the person revokes
// it or the dossier is purged, never logged nor put in an integration event.
export interface SmsOptInRecord {
  dossierId: string;
  /** National form, 0 and nine digits (`0912345678`). */
  phone: string;
  /** A language folder of shared/locales (`vi`, `en` …): the words of the message. */
  lang: string;
  /** Who asked: the person's device, or an officer at the desk (their staff id). */
  by: 'device' | 'staff';
  staffId: string | null;
  createdAt: string;
}

export interface SmsStore {
  /** Insert or replace (a new number or language wins). */
  save(optIn: SmsOptInRecord): Promise<void>;
  get(dossierId: string): Promise<SmsOptInRecord | undefined>;
  /** Revoked: no message is sent from now on, including those already waiting as jobs. */
  remove(dossierId: string): Promise<boolean>;
}
