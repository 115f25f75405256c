import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../api';
import { useI18n } from '../i18n/i18n';
import { Dialog } from './dialog';
import { ErrorNote } from './feedback';
import { fieldErrors } from './form-errors';
import { asApiError } from '../query';

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  submitLabel: string;
  /** Sends the form; on success the dialog closes, on failure the server's message shows. */
  onSubmit: () => Promise<unknown>;
  canSubmit?: boolean;
  /** The form checks its own fields (messages under each field, in the reader's language) instead of the browser's bubbles. */
  noValidate?: boolean;
  children: (errors: Record<string, string>) => ReactNode;
};

/** A dialog holding one form: busy state, the server's error, field errors under their fields. */
export function FormDialog({ open, onClose, title, submitLabel, onSubmit, canSubmit = true, noValidate = false, children }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
      setBusy(false);
      close();
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} title={title}>
      <form className="form" onSubmit={submit} noValidate={noValidate}>
        {error && <ErrorNote error={error} />}
        {children(fieldErrors(error))}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !canSubmit}>
            {busy ? t('common.saving') : submitLabel}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
