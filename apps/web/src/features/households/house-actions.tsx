import { useState } from 'react';
import { HOUSE_STATUSES, HOUSE_STATUS_LABELS } from '@contract/households-values';
import type { Support } from '@contract/households';
import { todayIso } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { ApiError } from '../../api';
import { ErrorNote } from '../../ui/feedback';
import { call, endpointUrl } from '../../client';
import { asApiError } from '../../query';
import { toBase64 } from './files';

/** A solidarity house's next step (approved → under construction → handed over) and its photos. */
export function HouseActions({ support, onChanged }: { support: Support; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const house = support.house!;
  const next = HOUSE_STATUSES[HOUSE_STATUSES.indexOf(house.status) + 1];
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  return (
    <div className="member-actions">
      {next && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => run(() => call('POST /api/households/supports/:id/house', { params: { id: support.id }, body: { status: next, date: todayIso() } }))}
        >
          → {pick(HOUSE_STATUS_LABELS[next])}
        </button>
      )}
      <label className="btn btn-small">
        {t('hh.addPhoto')}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f)
              void run(async () =>
                call('POST /api/households/supports/:id/photos', { params: { id: support.id }, body: { fileName: f.name, mime: f.type, contentBase64: await toBase64(f) } }),
              );
          }}
        />
      </label>
      {house.photos.map((p) => (
        <a key={p.id} href={endpointUrl('GET /api/households/photos/:id', { params: { id: p.id } })} target="_blank" rel="noreferrer" className="small">
          {pick(HOUSE_STATUS_LABELS[p.stage])}: {p.fileName}
        </a>
      ))}
      {error && <ErrorNote error={error} />}
    </div>
  );
}
