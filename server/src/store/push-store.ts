// Trust issue: Web Push subscriptions, one per (dossier, browser endpoint), with the language
// the person uses so a status change is told in it.
export interface PushSubscriptionRecord {
  dossierId: string;
  endpoint: string;
  /** base64url P-256 public key of the browser (RFC 8291 `ua_public`). */
  p256dh: string;
  /** base64url 16-byte auth secret. */
  auth: string;
  /** A language folder of shared/locales (`vi`, `en` …). */
  lang: string;
  createdAt: string;
}

export interface PushStore {
  /** Insert or replace (same dossier and endpoint: new keys or language win). */
  save(sub: PushSubscriptionRecord): Promise<void>;
  forDossier(dossierId: string): Promise<PushSubscriptionRecord[]>;
  /** A push service answered 404/410: that endpoint is gone for every dossier. */
  removeEndpoint(endpoint: string): Promise<void>;
}
