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
}

type Listener = () => void;

export class ProgressStore {
  private readonly byDossier = new Map<string, SendProgress>();
  private readonly listeners = new Set<Listener>();

  get(dossierId: string): SendProgress | undefined {
    return this.byDossier.get(dossierId);
  }

  set(dossierId: string, progress: SendProgress | undefined): void {
    if (progress) this.byDossier.set(dossierId, progress);
    else this.byDossier.delete(dossierId);
    for (const l of this.listeners) l();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const progressStore = new ProgressStore();
