// Dexie's liveQuery as a hook: re-renders whenever the data it read changes, in this tab or
// another. `undefined` means "still loading"; queries return `null` for "not there".
// Dexie itself is loaded on first use (db/live.ts), so a screen that reads through the `db`
// argument instead of importing db/ draws before the database code arrives.
import { useEffect, useState, type DependencyList } from 'react';

type Db = typeof import('../../db/live.ts');
let loading: Promise<Db> | undefined;
const loadDb = () => (loading ??= import('../../db/live.ts'));

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export function useLiveQuery<T>(query: (db: Db) => Promise<T>, deps: DependencyList): T | undefined {
  const [state, setState] = useState<{ deps: DependencyList; value: T } | undefined>(undefined);
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    void loadDb().then((db) => {
      if (!live) return;
      const subscription = db.liveQuery(() => query(db)).subscribe({
        next: (value) => setState({ deps, value }),
        error: (error: unknown) => console.error('live query failed', error),
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are the query's inputs
  }, deps);
  // A value read for other inputs (another dossier id) is not shown while the new one loads.
  return state && sameDeps(state.deps, deps) ? state.value : undefined;
}
