// How a try ended, for the outbox: a Transient failure keeps the item queued with a backoff, a
// Permanent one sets it aside with the reason for the person.
import type { DossierError } from '../db/types.ts';

export class Transient extends Error {
  constructor(readonly error: DossierError) {
    super(error.message);
  }
}

export class Permanent extends Error {
  constructor(readonly error: DossierError) {
    super(error.message);
  }
}
