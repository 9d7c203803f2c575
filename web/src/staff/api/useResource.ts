// Reads for the screens. The last good answer of each URL is kept in memory (never on disk:
// it is personal data on a shared desk device), so when the connection drops the officer
// keeps working on what was loaded, with a note saying since when.
import { useCallback, useEffect, useRef, useState } from 'react';
import { StaffApiError } from './client.ts';

interface Entry {
  data: unknown;
  at: number;
}
const memory = new Map<string, Entry>();

/** Forget everything read (on sign-out, and between tests). */
export function clearReadCache(): void {
  memory.clear();
}

/** Puts a fresh answer in place, e.g. the dossier an action returned. */
export function primeRead(key: string, data: unknown): void {
  memory.set(key, { data, at: Date.now() });
}

export interface Resource<T> {
  data: T | undefined;
  error: StaffApiError | undefined;
  loading: boolean;
  /** Set when `data` is an earlier answer shown because the network failed: when it was read. */
  staleSince: number | undefined;
  reload: () => void;
  /** Replaces the data (after an action answered with the new state). */
  set: (data: T) => void;
}

/** `key` null: nothing to read yet. */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const cached = key ? memory.get(key) : undefined;
  const [data, setData] = useState<T | undefined>(cached?.data as T | undefined);
  const [error, setError] = useState<StaffApiError>();
  const [loading, setLoading] = useState(key !== null);
  const [staleSince, setStale] = useState<number>();
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const before = memory.get(key);
    setData(before?.data as T | undefined);
    setLoading(true);
    setError(undefined);
    loadRef.current().then(
      (fresh) => {
        if (!live) return;
        memory.set(key, { data: fresh, at: Date.now() });
        setData(fresh);
        setStale(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        const err = e instanceof StaffApiError ? e : new StaffApiError(0, 'unreadable', String(e));
        const kept = memory.get(key);
        // Only a network failure keeps the old answer: a 404 or 403 means it is gone for us.
        if (err.code === 'network' && kept) setStale(kept.at);
        else setData(undefined);
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback(
    (next: T) => {
      if (key) memory.set(key, { data: next, at: Date.now() });
      setData(next);
      setStale(undefined);
      setError(undefined);
    },
    [key],
  );
  return { data, error, loading, staleSince, reload, set };
}
