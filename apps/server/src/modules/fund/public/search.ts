// Searching a campaign's donations (public). No single index answers every query shape fast at 10M
// rows (see STACK.md): a common name is found at once by walking the rows in display order, a rare one
// by the word-pair GIN index. So the application picks: walk a bounded number of rows in display order;
// if that did not fill the page, ask the index (only rare queries get there, and those are cheap).
import type { PublicDonation, PublicDonationPage, PublicDonationQuery } from '@contract/fund-public';
import type { Db } from '../../../db/db';
import { normalizeVn } from '../../../platform/vn-text';
import { statisticsVersion } from '../../../platform/statistics';
import { campaignRowsUpTo, firstDonations, matchingDonations, tokenFrequencies, walkDonations } from './queries-search';

/** Rows walked in display order before switching to the index. */
export const WALK_CAP = 5_000;

/** Longest walk when the statistics say matches are common but other filters thin them out. */
const WALK_MAX = 100_000;
const STATS_TTL_MS = 10 * 60_000;
/** Beyond this many expected matches the index is slower than walking in display order. */
const INDEX_MAX_ROWS = 20_000;

export type TokenStats = { freq: Map<string, number>; floor: number };
let statsCache: { at: number; db: Db; version: number; value: Promise<TokenStats | null> } | null = null;

/**
 * How common each search token is, from the statistics ANALYZE keeps for the GIN index's expression
 * (most common elements and their frequencies). A token not listed is rarer than the least common one
 * listed. null when there are no statistics yet (a new database): the walk then decides alone.
 */
function tokenStats(db: Db): Promise<TokenStats | null> {
  // A refresh of the statistics (after an import) reloads at once.
  const version = statisticsVersion();
  if (statsCache && statsCache.db === db && statsCache.version === version && Date.now() - statsCache.at < STATS_TTL_MS) return statsCache.value;
  const value = tokenFrequencies(db).then(
    (r) => {
      if (!r?.elems?.length || !r.freqs) return null;
      const freq = new Map(r.elems.map((e, i) => [e, r.freqs![i]]));
      return { freq, floor: r.freqs[r.elems.length] ?? Math.min(...freq.values()) };
    },
    () => null,
  );
  statsCache = { at: Date.now(), db, version, value };
  return value;
}

/**
 * The share of rows holding the phrase, from its word pairs: P(a b c) ≈ P(a b) · P(b c) / P(b), each
 * from the statistics (a token not listed is rarer than the least common listed one).
 */
export function phraseShare(words: string[], st: TokenStats): number {
  const f = (t: string) => st.freq.get(t) ?? st.floor / 2;
  if (words.length === 1) return f(words[0]);
  let share = f(`${words[0]}_${words[1]}`);
  for (let i = 2; i < words.length; i++) share *= f(`${words[i - 1]}_${words[i]}`) / Math.max(f(words[i - 1]), 1e-9);
  return Math.max(st.floor / 100, Math.min(share, 1));
}

export type SearchPlan = 'list' | 'walk' | 'index' | 'filter';
export type SearchResult = PublicDonationPage & { plan: SearchPlan };

/** The words of a query, normalised like the stored search text. */
export const queryWords = (q: string | undefined) => (q ? normalizeVn(q).split(' ').filter(Boolean).slice(0, 8) : []);

export async function searchDonations(db: Db, campaignId: number, q: PublicDonationQuery, campaignCount: number, opts: { walkCap?: number } = {}): Promise<SearchResult> {
  const words = queryWords(q.q);
  const offset = (q.page - 1) * q.size;
  const need = offset + q.size + 1; // one more tells whether there is a next page
  // Deep pages and the CSV (10,000 rows) walk proportionally further before asking the index; with
  // statistics, a rare phrase goes straight to the index and a common one walks as far as it must.
  let walkCap = opts.walkCap ?? Math.max(WALK_CAP, need * 5);
  let walk = true;
  let useIndex = words.length > 0;
  if (words.length && opts.walkCap === undefined) {
    const st = await tokenStats(db);
    if (st) {
      const share = phraseShare(words, st);
      const expected = share * campaignCount;
      const walkRows = need / share;
      // A walked row costs about a sixth of a row fetched through the index (random read, then sorted).
      if (walkRows < expected * 6) {
        const thinner = q.min !== undefined || q.max !== undefined ? 10 : 3;
        walkCap = Math.min(WALK_MAX, Math.max(walkCap, Math.ceil(walkRows * thinner)));
      } else walk = false;
      // The index would hand over a large share of the table: reading it all and sorting costs seconds.
      if (expected > INDEX_MAX_ROWS) useIndex = false;
    }
  }

  const filtered = words.length > 0 || q.min !== undefined || q.max !== undefined;
  const page = (rows: PublicDonation[], total: PublicDonationPage['total'], plan: SearchPlan): SearchResult => ({
    items: rows.slice(offset, offset + q.size),
    page: q.page,
    size: q.size,
    total,
    hasMore: rows.length > offset + q.size,
    plan,
  });

  if (!filtered && !q.from && !q.to) {
    const rows = await firstDonations(db, campaignId, q.sort, need);
    return page(rows, { count: campaignCount, kind: 'exact' }, 'list');
  }

  // 1. Walk: rows in display order through the campaign's btree (date bounds narrow the walk itself when
  // the order is by date), filtered as they stream by; the scan stops as soon as the page is full, or
  // after walkCap rows. row_number() tells how far it went, hence the share of rows that match.
  if (filtered && walk) {
    const rows = await walkDonations(db, campaignId, q, words, walkCap, need);
    const found = rows.map(strip);
    if (found.length >= need) {
      const walked = Number(rows[rows.length - 1].pos);
      const estimate = Math.max(need - 1, Math.round(((need - 1) / walked) * campaignCount));
      return page(found, { count: estimate, kind: 'estimate' }, 'walk');
    }
    // Fewer than a page: if the walk saw every row in range, these are all the matches.
    const n = await campaignRowsUpTo(db, campaignId, q, walkCap);
    if (n < walkCap) return page(found, { count: found.length, kind: 'exact' }, 'walk');
  }

  // 2. Rare matches (or a date range on its own): the index finds them; the planner sorts the few rows.
  const rows = await matchingDonations(db, campaignId, q, words, useIndex, need);
  // A full page means more matches than shown; counting them all would cost more than the page.
  const total: PublicDonationPage['total'] = rows.length < need ? { count: rows.length, kind: 'exact' } : { count: need - 1, kind: 'atLeast' };
  return page(rows, total, useIndex ? 'index' : 'filter');
}

function strip(r: PublicDonation & { pos?: number }): PublicDonation {
  return { id: r.id, receivedOn: r.receivedOn, amount: r.amount, kind: r.kind, donorName: r.donorName, memo: r.memo, goodsDescription: r.goodsDescription };
}
