// Progress of the dossier being sent, for the screens: a tiny store with no dependencies, so the
// UI can subscribe before the sync engine (and zod, and tus) has even been loaded.
export interface SendProgress {
  phase: 'uploading' | 'submitting';
  /** 1-based number of the page being uploaded, out of `files`. */
  file: number;
  files: number;
  /** Percent of the current page, 0..100. */
  filePercent: number;
  /** Bytes of all pages already on the server plus those of the current one. */
  sentBytes: number;
  totalBytes: number;
  /**
   * When the bytes (or the phase) last moved, set by the store: a send that has not moved for
   * `SILENT_MS` is shown as "waiting for the network" instead of a frozen percentage.
   */
  movedAt?: number;
}

/** No byte moved for this long during a send: the screens say the network is not passing data. */
export const SILENT_MS = 15_000;

type Listener = () => void;

export class ProgressStore {
  private readonly byDossier = new Map<string, SendProgress>();
  private readonly listeners = new Set<Listener>();

  get(dossierId: string): SendProgress | undefined {
    return this.byDossier.get(dossierId);
  }

  constructor(private readonly clock: () => number = () => Date.now()) {}

  /** Changes with every `set`: a snapshot for screens that read several sends at once. */
  version = 0;

  set(dossierId: string, progress: SendProgress | undefined): void {
    this.version++;
    if (progress) {
      // The same bytes reported again (a retried chunk starting over its own 0) is not movement.
      const before = this.byDossier.get(dossierId);
      const same = before && before.phase === progress.phase && before.sentBytes === progress.sentBytes;
      this.byDossier.set(dossierId, { ...progress, movedAt: same ? before.movedAt : this.clock() });
    } else this.byDossier.delete(dossierId);
    for (const l of this.listeners) l();
  }

  /** Every send in progress (one at a time today, but the screens need not know). */
  all(): SendProgress[] {
    return [...this.byDossier.values()];
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The progress's bytes have not moved for `SILENT_MS` (or `ms`). */
export function isSilent(p: SendProgress, now: number, ms = SILENT_MS): boolean {
  return p.movedAt !== undefined && now - p.movedAt >= ms;
}

export const progressStore = new ProgressStore();

/**
 * "The device says online, but the network passes no data": set when a request of the outbox
 * fails without an answer (a network error, a stalled upload) while `navigator.onLine` is true;
 * cleared by any answer or any upload byte. The runner wakes the outbox when it clears; the
 * header and the dossier screen say "waiting for the network" while it is set.
 */
export class LinkStore {
  private silentFlag = false;
  private readonly listeners = new Set<(alive: boolean) => void>();

  get silent(): boolean {
    return this.silentFlag;
  }

  markSilent(): void {
    if (this.silentFlag) return;
    this.silentFlag = true;
    for (const l of this.listeners) l(false);
  }

  markAlive(): void {
    if (!this.silentFlag) return;
    this.silentFlag = false;
    for (const l of this.listeners) l(true);
  }

  private readonly nudges = new Set<() => void>();

  /**
   * "Thử gửi ngay" pressed while a try is stuck on the silent link: whoever waits on it (the
   * upload in flight) gives that try up now, so the forced pass that follows starts a fresh one.
   */
  nudge(): void {
    for (const n of [...this.nudges]) n();
  }

  onNudge(fn: () => void): () => void {
    this.nudges.add(fn);
    return () => this.nudges.delete(fn);
  }

  /** `alive` is true when the link has just come back, false when it has just gone silent. */
  subscribe(listener: (alive: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const linkStore = new LinkStore();
