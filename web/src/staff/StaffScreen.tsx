// Which screen a path shows, for the signed-in role. The queue's filter lives here so that
// going into a dossier and back keeps the tab and the search.
import type { StaffUser } from '@hsc/shared/staff';
import { useState } from 'react';
import { DailyCard, DailyList } from './daily/Daily.tsx';
import { DossierScreen } from './dossier/DossierScreen.tsx';
import { useStaffT } from './i18n/index.ts';
import { ControlSheetPreview } from './print/ControlSheet.tsx';
import { FormPreview } from './print/FormPreview.tsx';
import { Queue } from './queue/Queue.tsx';
import { INITIAL_FILTER, type QueueFilter } from './queue/tabs.ts';
import { ReceiptBatch } from './register/ReceiptBatch.tsx';
import { Register } from './register/Register.tsx';
import { Reports } from './reports/Reports.tsx';
import type { StaffRoute } from './routes.ts';
import { mayReadDossiers, mayReadReports } from './Shell.tsx';

export function StaffScreen({ user, route }: { user: StaffUser; route: StaffRoute }) {
  const { t } = useStaffT();
  const [filter, setFilter] = useState<QueueFilter>(INITIAL_FILTER);
  if (!mayReadDossiers(user)) return <p className="notice">{t('app.adminOnly')}</p>;
  switch (route.name) {
    case 'queue':
      // A leader's home starts with the unit's day; each figure opens its list.
      return user.role === 'leader' ? (
        <>
          <DailyCard />
          <Queue user={user} filter={filter} onFilter={setFilter} />
        </>
      ) : (
        <Queue user={user} filter={filter} onFilter={setFilter} />
      );
    case 'daily':
      return user.role === 'leader' ? <DailyList view={route.view} /> : <p className="notice">{t('errors.forbidden')}</p>;
    case 'dossier':
      return <DossierScreen key={route.id} id={route.id} user={user} />;
    case 'form':
      return <FormPreview formId={route.formId} />;
    case 'controlSheet':
      return <ControlSheetPreview dossierId={route.id} />;
    case 'reports':
      return mayReadReports(user) ? <Reports user={user} /> : <p className="notice">{t('errors.forbidden')}</p>;
    case 'register':
      return <Register user={user} />;
    case 'receipts':
      return <ReceiptBatch day={route.day} unit={new URLSearchParams(window.location.search).get('unit') ?? undefined} />;
    case 'notFound':
      return <p className="notice">{t('app.notFound')}</p>;
  }
}
