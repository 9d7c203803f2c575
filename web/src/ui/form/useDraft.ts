// The draft editor's memory: what is on screen, written to IndexedDB field by field within
// 250 ms of each change and at once when the page is hidden or left. Changes made elsewhere (a
// second tab) flow in for every field this tab is not in the middle of writing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { patchDraft, readPath, type DraftPath } from '../../db/dossiers.ts';
import { isQuotaError } from '../../db/storage.ts';
import type { DossierRecord } from '../../db/types.ts';

export const SAVE_DELAY_MS = 250;
/** After a failed write (a full disk), try again this often: the person may be freeing space. */
export const RETRY_SAVE_MS = 5_000;

export type SaveError = 'quota' | 'failed';

type Values = Record<string, string>;

function pathsOf(d: DossierRecord): string[] {
  return ['unitCode', ...Object.keys(d.applicant).map((k) => `applicant.${k}`), ...Object.keys(d.fields).map((k) => `fields.${k}`)];
}

function readAll(d: DossierRecord): Values {
  return Object.fromEntries(pathsOf(d).map((p) => [p, readPath(d, p)]));
}

export function useDraft(dossier: DossierRecord) {
  const [values, setValues] = useState<Values>(() => readAll(dossier));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<SaveError | null>(null);
  const pending = useRef<Values>({});
  const inflight = useRef<Values>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = dossier.id;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    Object.assign(inflight.current, patch);
    try {
      await patchDraft(id, patch as Partial<Record<DraftPath, string>>);
      setError(null);
    } catch (e) {
      // Nothing typed is dropped: what could not be written waits (unless retyped since) and
      // is tried again; what was saved before stays saved.
      pending.current = { ...patch, ...pending.current };
      setError(isQuotaError(e) ? 'quota' : 'failed');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), RETRY_SAVE_MS);
    } finally {
      for (const [k, v] of Object.entries(patch)) if (inflight.current[k] === v) delete inflight.current[k];
      if (Object.keys(pending.current).length === 0) setSaving(false);
    }
  }, [id]);

  /** Several paths changed together (a group's row removed): written in one go. */
  const setMany = useCallback(
    (patch: Values) => {
      setValues((v) => ({ ...v, ...patch }));
      Object.assign(pending.current, patch);
      setSaving(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );
  const set = useCallback((path: string, value: string) => setMany({ [path]: value }), [setMany]);

  // Another tab (or the sync engine) changed the record: take over what this tab is not writing.
  useEffect(() => {
    setValues((current) => {
      let changed = false;
      const next = { ...current };
      for (const path of new Set([...Object.keys(current), ...pathsOf(dossier)])) {
        if (path in pending.current || path in inflight.current) continue;
        const stored = readPath(dossier, path);
        if ((next[path] ?? '') !== stored) {
          next[path] = stored;
          changed = true;
        }
      }
      return changed ? next : current;
    });
  }, [dossier]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  const get = useCallback((path: string) => values[path] ?? '', [values]);
  return { values, get, set, setMany, flush, saving, error };
}
