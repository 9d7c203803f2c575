// How full the app's storage is. Read when a screen opens and whenever `version` changes (a page
// was added, a dossier deleted): estimates are cheap but not free, so no polling.
import { useEffect, useState } from 'react';
import { readStorage, type StorageInfo } from '../../db/storage.ts';

export function useStorage(version: unknown = 0): StorageInfo | null | undefined {
  const [info, setInfo] = useState<StorageInfo | null>();
  useEffect(() => {
    let live = true;
    void readStorage().then((s) => {
      if (live) setInfo(s);
    });
    return () => {
      live = false;
    };
  }, [version]);
  return info;
}
