import { useEffect } from 'react';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { discard, flush, retry, useOutbox } from './outbox';

/** Says when the device is offline and what waits to be sent; a refused item shows why and what can be done. */
export function OutboxBanner() {
  const { t, locale } = useI18n();
  const { items, online } = useOutbox();
  useEffect(() => {
    if (online && items.some((p) => !p.error)) void flush();
  }, [online, items]);
  if (online && items.length === 0) return null;
  const waiting = items.filter((p) => !p.error);
  const refused = items.filter((p) => p.error);
  return (
    <div className="outbox" role="status" data-testid="outbox">
      {!online && (
        <p>
          <strong>{t('offline.offline')}</strong>
        </p>
      )}
      {waiting.length > 0 && <p>{t('offline.waiting', { n: waiting.length })}</p>}
      {refused.length > 0 && (
        <ul>
          {refused.map((p) => (
            <li key={p.key}>
              <strong>{p.label}</strong> ({formatDate(p.createdAt.slice(0, 10))}): {locale === 'vi' ? p.error!.message : p.error!.messageEn}{' '}
              <button type="button" className="link-btn" onClick={() => void retry(p.key)}>
                {t('offline.retry')}
              </button>{' '}
              <button type="button" className="link-btn" onClick={() => discard(p.key)}>
                {t('offline.discard')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
