import { useEffect, useState } from 'react';
import { PUBLIC_DONATION_SORTS, type PublicDonationSort } from '@contract/fund-public-values';
import { formatDate, formatNumber, formatVnd, parseDate } from '../../format';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { endpointUrl, type Input } from '../../client';
import { useEndpoint } from '../../query';

const amountOk = (s: string | undefined) => !s || /^\d{1,16}$/.test(s);
const isSort = (s: string | undefined): s is PublicDonationSort => (PUBLIC_DONATION_SORTS as readonly (string | undefined)[]).includes(s);

/** The searchable list of donations; the filters live in the address so a search can be shared. */
export function DonationsSection({ campaignId }: { campaignId: number }) {
  const { t } = useI18n();
  const [query, setQuery] = useQueryState();
  const [text, setText] = useState(query.q ?? '');
  const q = useDebounced(text, 350);
  useEffect(() => {
    if ((query.q ?? '') !== q) setQuery({ q: q || null, page: null });
    // Only the debounced text drives the address; typing does not flood history or the server.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: runs when the debounced text changes
  }, [q]);
  const [fromText, setFromText] = useState(query.from ? formatDate(query.from) : '');
  const [toText, setToText] = useState(query.to ? formatDate(query.to) : '');

  // The search as the address holds it; defaults (newest first, page 1) left out of the request.
  const filters: Input<'GET /api/public/campaigns/:id/donations'>['query'] = {
    q: query.q || undefined,
    min: amountOk(query.min) ? query.min || undefined : undefined,
    max: amountOk(query.max) ? query.max || undefined : undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    sort: isSort(query.sort) && query.sort !== 'newest' ? query.sort : undefined,
    page: query.page && query.page !== '1' ? query.page : undefined,
  };
  const page = Math.max(1, Number(query.page) || 1);
  const res = useEndpoint('GET /api/public/campaigns/:id/donations', { params: { id: campaignId }, query: filters });
  const setDate = (key: 'from' | 'to', s: string) => {
    const iso = s.trim() ? parseDate(s) : null;
    if (!s.trim() || iso) setQuery({ [key]: iso, page: null });
  };
  const total = res.data?.total;

  return (
    <Section
      title={t('fundPublic.donations')}
      actions={
        <a
          className="btn btn-small"
          href={endpointUrl('GET /api/public/campaigns/:id/donations.csv', { params: { id: campaignId }, query: { ...filters, page: undefined } })}
          download
          title={t('fundPublic.csvHint')}
        >
          {t('fundPublic.csv')}
        </a>
      }
    >
      <div className="filters fp-filters" role="search">
        <TextField label={t('fundPublic.search')} hint={t('fundPublic.searchHint')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <TextField
          label={t('fundPublic.min')}
          inputMode="numeric"
          value={query.min ?? ''}
          error={amountOk(query.min) ? undefined : t('fundPublic.invalidAmount')}
          onChange={(e) => setQuery({ min: e.target.value.replace(/\D/g, '') || null, page: null })}
        />
        <TextField
          label={t('fundPublic.max')}
          inputMode="numeric"
          value={query.max ?? ''}
          error={amountOk(query.max) ? undefined : t('fundPublic.invalidAmount')}
          onChange={(e) => setQuery({ max: e.target.value.replace(/\D/g, '') || null, page: null })}
        />
        <TextField label={t('fundPublic.from')} placeholder="dd/mm/yyyy" value={fromText} onChange={(e) => setFromText(e.target.value)} onBlur={() => setDate('from', fromText)} />
        <TextField label={t('fundPublic.to')} placeholder="dd/mm/yyyy" value={toText} onChange={(e) => setToText(e.target.value)} onBlur={() => setDate('to', toText)} />
        <SelectField
          label={t('fundPublic.sort')}
          value={query.sort ?? 'newest'}
          onChange={(e) => setQuery({ sort: e.target.value === 'newest' ? null : e.target.value, page: null })}
          options={PUBLIC_DONATION_SORTS.map((s) => ({ value: s, label: t(`fundPublic.sort.${s}` as MessageKey) }))}
        />
      </div>
      {res.error && <ErrorNote error={res.error} onRetry={res.reload} />}
      {!res.data && !res.error && <Loading inline />}
      {total && (
        <p className="small muted" role="status" aria-live="polite">
          {t(`fundPublic.total.${total.kind}` as MessageKey, { n: formatNumber(total.count) })}
        </p>
      )}
      {res.data?.items.length === 0 && <Empty>{t('fundPublic.noDonations')}</Empty>}
      {res.data && res.data.items.length > 0 && (
        <ul className="fp-donations" aria-busy={res.loading}>
          {res.data.items.map((d) => (
            <li key={d.id}>
              <div className="fp-row">
                <strong className={d.donorName ? 'fp-donor' : 'fp-donor muted'}>{d.donorName ?? t('fundPublic.anonymous')}</strong>
                <span className="fp-amount-cell">{formatVnd(d.amount)}</span>
              </div>
              <div className="small muted">
                {formatDate(d.receivedOn)}
                {d.kind === 'goods' && (
                  <>
                    {' '}
                    · {t('fundPublic.goods')}: {d.goodsDescription}
                  </>
                )}
                {d.memo && <> · {d.memo}</>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {res.data && (page > 1 || res.data.hasMore) && (
        <nav className="fp-pager" aria-label={t('fundPublic.pageN', { n: page })}>
          <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setQuery({ page: page - 1 > 1 ? page - 1 : null })}>
            {t('common.prev')}
          </button>
          <span className="small">{t('fundPublic.pageN', { n: page })}</span>
          <button type="button" className="btn btn-small" disabled={!res.data.hasMore} onClick={() => setQuery({ page: page + 1 })}>
            {t('common.next')}
          </button>
        </nav>
      )}
    </Section>
  );
}
