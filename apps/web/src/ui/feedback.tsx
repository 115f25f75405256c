import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useI18n } from '../i18n/i18n';

/** A polite "loading" line; `inline` keeps it small inside a section. */
export function Loading({ inline = false }: { inline?: boolean }) {
  const { t } = useI18n();
  return (
    <p className={inline ? 'loading loading-inline' : 'loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

/** An error from the server, in the reader's language, with a retry when one makes sense. */
export function ErrorNote({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <div className="note note-error" role="alert">
      <p>{error.text(locale)}</p>
      {onRetry && error.status !== 403 && error.status !== 404 && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'warn' | 'ok'; children: ReactNode }) {
  return (
    <div className={`note note-${kind}`} role={kind === 'ok' ? 'status' : undefined}>
      {children}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
