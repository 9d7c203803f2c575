// "Hồ sơ của tôi": every dossier on this phone, with its state and whether it is safe.
// The home screen is the first one drawn, so it holds nothing that needs Dexie: the list comes
// with the database code, just after the heading and the big button.
import { lazy, Suspense } from 'react';
import { withTexts } from '../../i18n/index.ts';
import { Icon } from '../components/Icon.tsx';
import { ImportButton } from '../components/ImportButton.tsx';
import { StorageLine } from '../components/StorageLine.tsx';
import { useLang } from '../hooks/useLang.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useStorage } from '../hooks/useStorage.ts';
import { Link, paths } from '../router.tsx';

const DossierList = lazy(withTexts(() => import('./DossierList.tsx').then((m) => ({ default: m.DossierList }))));

export function Home() {
  const { t } = useLang();
  const dossiers = useLiveQuery((db) => db.listDossiers(), []);
  // Looked at again whenever the list changes (a dossier added, deleted or sent).
  const storage = useStorage(dossiers?.map((d) => `${d.id}:${d.updatedAt}`).join());
  return (
    <section className="screen">
      <h1>{t('home.title')}</h1>
      <Link to={paths.catalog()} className="btn btn-primary btn-block" data-testid="new-dossier">
        <Icon name="plus" />
        {t('home.new')}
      </Link>
      {/* Always true, so it is on the page drawn at build time: the answer to "is my dossier safe?". */}
      <p className="home-kept" data-testid="home-kept">
        {t('home.kept')}
      </p>
      {dossiers === undefined ? null : dossiers.length === 0 ? (
        <p className="muted empty" data-testid="my-dossiers">
          {t('home.empty')}
        </p>
      ) : (
        <Suspense fallback={null}>
          <DossierList dossiers={dossiers} />
        </Suspense>
      )}
      <div className="home-tools">
        <ImportButton />
        <StorageLine info={storage} />
      </div>
    </section>
  );
}
