import { useEffect, useState } from 'react';
import { PUBLIC_DONATION_SORTS } from '@contract/fund-public-values';
import { formatDate, formatNumber, formatVnd, parseDate } from '../../format';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/i18n';
import { useQueryState } from '../../router';
import { Empty, ErrorNote, Loading } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { Section } from '../../ui/page';
import { useDebounced } from '../../ui/use-debounced';
import { useFetch } from '../../use-fetch';
import { fundPublicApi, type DonationFilters } from './api';

const amountOk = (s: string | undefined) => !s || /^\d{1,16}$/.test(s);

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

  const filters: DonationFilters = {
    q: query.q,
    min: amountOk(query.min) ? query.min : undefined,
    max: amountOk(query.max) ? query.max : undefined,
    from: query.from,
    to: query.to,
    sort: query.sort,
    page: query.page,
  };
  const page = Math.max(1, Number(query.page) || 1);
  const res = useFetch(`public-donations:${campaignId}:${JSON.stringify(filters)}`, () => fundPublicApi.donations(campaignId, filters));
  const setDate = (key: 'from' | 'to', s: string) => {
    const iso = s.trim() ? parseDate(s) : null;
    if (!s.trim() || iso) setQuery({ [key]: iso, page: null });
  };
  const total = res.data?.total;

  return (
    <Section
      title={t('fundPublic.donations')}
      actions={
        <a className="btn btn-small" href={fundPublicApi.csvUrl(campaignId, filters)} download title={t('fundPublic.csvHint')}>
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
