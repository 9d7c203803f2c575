// Counting requests against a limit with the store's counters, so every API node counts into
// the same window (the track and lookup limits, the staff login throttles). Ended windows are
// deleted at most once a minute per node, by the hit that notices.
import type { CounterHit, CounterStore } from '../store/kysely-rate-limits.ts';

const PRUNE_EVERY_MS = 60_000;

export interface LimitHit extends CounterHit {
  /** Milliseconds until the window ends. */
  ttl: number;
}

export class Limits {
  private lastPrune = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly counters: CounterStore,
    private readonly now: () => Date,
  ) {}

  async hit(key: string, windowMs: number, by = 1): Promise<LimitHit> {
    const at = this.now().getTime();
    if (at - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = at;
      await this.counters.prune(at);
    }
    const h = await this.counters.hit(key, windowMs, at, by);
    return { ...h, ttl: Math.max(0, h.resetAt - at) };
  }

  async peek(key: string): Promise<LimitHit> {
    const at = this.now().getTime();
    const h = await this.counters.peek(key, at);
    return { ...h, ttl: Math.max(0, h.resetAt - at) };
  }

  release(key: string): Promise<void> {
    return this.counters.release(key, this.now().getTime());
  }

  /** The windows under `prefix` with at least `min` hits (the lockouts in force). */
  async active(prefix: string, min: number): Promise<(LimitHit & { key: string })[]> {
    const at = this.now().getTime();
    return (await this.counters.active(prefix, min, at)).map((h) => ({ ...h, ttl: Math.max(0, h.resetAt - at) }));
  }

  reset(key: string): Promise<void> {
    return this.counters.reset(key);
  }
}
