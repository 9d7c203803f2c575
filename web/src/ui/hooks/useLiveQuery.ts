// Dexie's liveQuery as a hook: re-renders whenever the data it read changes, in this tab or
// another. `undefined` means "still loading"; queries return `null` for "not there".
import { liveQuery } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export function useLiveQuery<T>(query: () => Promise<T>, deps: DependencyList): T | undefined {
  const [state, setState] = useState<{ deps: DependencyList; value: T } | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ deps, value }),
      error: (error: unknown) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are the query's inputs
  }, deps);
  // A value read for other inputs (another dossier id) is not shown while the new one loads.
  return state && sameDeps(state.deps, deps) ? state.value : undefined;
}
