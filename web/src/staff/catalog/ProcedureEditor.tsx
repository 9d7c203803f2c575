// One procedure: opened from the server (or new), edited in memory, checked with the shared
// schema before anything is sent, and saved, published, discarded, retired or brought back.
// Whatever goes wrong, what was typed stays on screen.
import type { AdminProcedure } from '@hsc/shared/procedure';
import { useMemo, useState } from 'react';
import { adminProceduresPath, getAdminProcedure, listAdminProcedures } from '../api/endpoints.ts';
import { errorText } from '../api/errors.ts';
import { useResource } from '../api/useResource.ts';
import { useEveryStaffLanguage, useStaffT } from '../i18n/index.ts';
import { Link } from '../../ui/router.tsx';
import { staffPaths } from '../routes.ts';
import { EditorForm } from './EditorForm.tsx';
import type { Text } from './model.ts';
import { currentDef } from './status.ts';

export function ProcedureEditor({ code }: { code: string | null }) {
  const { t } = useStaffT();
  // A procedure created on this screen keeps its editor (and what is on it) when the address
  // changes from "new" to its code.
  const [created, setCreated] = useState<AdminProcedure>();
  const fresh = created && created.code === code ? created : undefined;
  const key = code !== null && !fresh ? `${adminProceduresPath}/${code}` : null;
  const one = useResource(key, () => getAdminProcedure(code!));
  const list = useResource(adminProceduresPath, listAdminProcedures);
  // The time and fee people read are prefilled in Vietnamese and English at once.
  const wordsReady = useEveryStaffLanguage();
  const fieldsOfLaw = useMemo(() => {
    const seen = new Map<string, Text>();
    for (const p of list.data?.procedures ?? []) {
      const f = currentDef(p)?.field;
      if (f?.vi.trim() && !seen.has(f.vi)) seen.set(f.vi, f);
    }
    return [...seen.values()].sort((a, b) => a.vi.localeCompare(b.vi, 'vi'));
  }, [list.data]);

  const back = (
    <Link to={staffPaths.catalog()} className="btn btn-ghost" data-testid="back-to-catalog">
      ← {t('catalog.editor.back')}
    </Link>
  );
  if (!wordsReady) return <p className="muted">{t('catalog.editor.loading')}</p>;
  if (code !== null && !fresh) {
    if (one.loading || (!one.data && !one.error)) return <p className="muted">{t('catalog.editor.loading')}</p>;
    if (!one.data) {
      return (
        <>
          {back}
          <p className="serror" role="alert">
            {one.error?.status === 404 ? t('catalog.editor.notFound', { code }) : errorText(t, one.error)}
          </p>
        </>
      );
    }
  }
  return (
    <>
      {back}
      <EditorForm key="editor" code={code} initial={fresh ?? one.data} fieldsOfLaw={fieldsOfLaw} onCreated={setCreated} />
    </>
  );
}
