// What an administrator's console shows: the procedure catalog (its list at the console's root
// too, being their main work), the units' fee accounts, the working-day calendar, the staff
// accounts and the audit log. Loaded as its own chunk: desk officers never download the editor.
import { useStaffT } from '../i18n/index.ts';
import type { StaffRoute } from '../routes.ts';
import { CalendarScreen } from '../calendar/CalendarScreen.tsx';
import { PayeeScreen } from '../payees/PayeeScreen.tsx';
import { AccountsScreen } from '../accounts/AccountsScreen.tsx';
import { AuditScreen } from '../audit/AuditScreen.tsx';
import { CatalogList } from './CatalogList.tsx';
import { ProcedureEditor } from './ProcedureEditor.tsx';
import css from './catalog.css?inline';
import { AdoptedStyles } from '../../ui/components/AdoptedStyles.tsx';

export default function AdminScreen({ route }: { route: StaffRoute }) {
  const { t } = useStaffT();
  let body;
  switch (route.name) {
    case 'queue':
    case 'catalog':
      body = <CatalogList />;
      break;
    case 'procedure':
      body = <ProcedureEditor code={route.code} />;
      break;
    case 'payees':
      body = <PayeeScreen />;
      break;
    case 'calendar':
      body = <CalendarScreen />;
      break;
    case 'accounts':
      body = <AccountsScreen />;
      break;
    case 'audit':
      body = <AuditScreen />;
      break;
    case 'notFound':
      body = <p className="notice">{t('app.notFound')}</p>;
      break;
    default:
      body = <p className="notice">{t('app.adminOnly')}</p>;
  }
  return (
    <>
      <AdoptedStyles css={css} />
      {body}
    </>
  );
}
