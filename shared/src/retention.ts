// How long people's data is kept, in one place: the server's purge defaults and the phone's
// privacy notice read the same numbers, so the notice cannot promise what the code does not do.

/** The server's defaults (`PURGE_WITHDRAWN_DAYS`, `RECORD_RETENTION_YEARS` may change the last two). */
export const SERVER_RETENTION = {
  /** Unfinished upload parts and pages of dossiers never sent. */
  uploadHours: 24,
  /** Dossiers withdrawn before the commune accepted them, after the withdrawal. */
  withdrawnDays: 30,
  /** Accepted dossiers (legal records): kept at least this long, never purged by the server. */
  recordYears: 10,
} as const;

/** The phone's copy of a finished dossier: its pages, personal fields and result file go after this. */
export const PHONE_RETENTION_DAYS = 30;
