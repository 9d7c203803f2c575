import { useLang } from '../hooks/useLang.ts';
import { useNetWaiting } from '../hooks/useNetWaiting.ts';
import { useOnline } from '../hooks/useOnline.ts';

export function NetStatus() {
  const online = useOnline();
  // "Connected" that passes no data is not "Có mạng": the header says what the dossier screen says.
  const waiting = useNetWaiting() && online;
  const { t } = useLang();
  return (
    <span
      className={`net ${waiting ? 'net-wait' : online ? 'net-on' : 'net-off'}`}
      data-testid="net-status"
      data-online={String(online)}
      data-waiting={String(waiting)}
      role="status"
    >
      <span className="net-dot" aria-hidden="true" />
      {waiting ? t('net.waiting') : online ? t('net.online') : t('net.offline')}
    </span>
  );
}
