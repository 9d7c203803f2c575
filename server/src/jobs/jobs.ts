// Background work as jobs: one interface for the services, two runners behind it (pg-boss on
// PostgreSQL, our small runner over the `jobs` table on SQLite). Services name a queue, send
// work to it (inside the transaction of the change that calls for it, when they have one) and
// say how to do it; they never see which runner does it, nor import pg-boss.
import { createHash } from 'node:crypto';
import type { QueueOptions } from '../config.ts';

/** The transaction a job is sent in: the store's own handle inside `transaction().execute()`. */
export type JobTx = unknown;

export type { QueueOptions };

export interface SendOptions {
  /** Sent with the caller's transaction: committed with it, or never sent. */
  tx?: JobTx;
  /** Not before this many milliseconds from now. */
  startAfterMs?: number;
  /** Sent once: another send with the same key is ignored (a retried fan-out sends nothing twice). */
  key?: string;
}

export interface Job<T> {
  id: string;
  data: T;
  /** 0 on the first try, then 1, 2 … (retries after errors, expiry and `RetryLater`). */
  attempt: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/**
 * Thrown by a handler to be tried again later: not before `afterMs` (an HTTP Retry-After) and
 * not before the queue's backoff for this attempt. Past the queue's `retryLimit` the job fails.
 */
export class RetryLater extends Error {
  override name = 'RetryLater';
  constructor(
    message: string,
    readonly afterMs?: number,
  ) {
    super(message);
  }
}

export interface Jobs {
  readonly kind: 'pg-boss' | 'sqlite';
  /** Declares a queue and how its jobs are retried (before `send`, `work` or `every` on it). */
  queue(name: string, opts: QueueOptions): Promise<void>;
  send<T extends object>(name: string, data: T, opts?: SendOptions): Promise<void>;
  /** Does the queue's jobs on this node (each job once across nodes, retried as declared). */
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  /**
   * One job on the queue per period of `everyMs` across every node (the periods are counted
   * from the Unix epoch), the first one at start unless this period's was already sent.
   */
  every(name: string, everyMs: number): Promise<void>;
  /** Jobs of these queues not finished yet: waiting, due later or running (tests wait for 0). */
  pending(names: readonly string[]): Promise<number>;
  /** Stops taking jobs; a job still running after `graceMs` is left to be retried. */
  stop(graceMs?: number): Promise<void>;
}

/** When a job asked to try again runs: the queue's backoff, or later if the other side said so. */
export function retryDelay(q: QueueOptions, attempt: number, afterMs?: number): number {
  const backoff = q.backoff ? q.retryDelayMs * 2 ** Math.min(attempt, 16) : q.retryDelayMs;
  return Math.max(backoff, afterMs ?? 0);
}

/** A job id made from a key (a UUID, as pg-boss's ids are). */
export function keyedId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface JobsLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
