import { useLang } from '../hooks/useLang.ts';
import { useOnline } from '../hooks/useOnline.ts';

export function NetStatus() {
  const online = useOnline();
  const { t } = useLang();
  return (
    <span className={`net ${online ? 'net-on' : 'net-off'}`} data-testid="net-status" data-online={String(online)} role="status">
      <span className="net-dot" aria-hidden="true" />
      {online ? t('net.online') : t('net.offline')}
    </span>
  );
}
