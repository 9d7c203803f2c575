import { useLang } from '../hooks/useLang.ts';
import { useNetWaiting } from '../hooks/useNetWaiting.ts';
import { useNetwork } from '../hooks/useOnline.ts';

export function NetStatus() {
  const network = useNetwork();
  const online = network ?? true;
  // "Connected" that passes no data is not "Có mạng": the header says what the dossier screen says.
  const waiting = useNetWaiting() && online;
  const { t } = useLang();
  // The page drawn at build time says nothing about the network rather than something untrue.
  if (network === null) return <span className="net" data-testid="net-status" role="status" />;
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
