// Searching a campaign's donations (public). No single index answers every query shape fast at 10M
// rows (see STACK.md): a common name is found at once by walking the rows in display order, a rare one
// by the word-pair GIN index. So the application picks: walk a bounded number of rows in display order;
// if that did not fill the page, ask the index (only rare queries get there, and those are cheap).
import type { PublicDonation, PublicDonationPage, PublicDonationQuery } from '@contract/fund-public';
import type { Db } from '../../../db/db';
import { normalizeVn } from '../../../platform/vn-text';
import { statisticsVersion } from '../../../platform/statistics';

/** Rows walked in display order before switching to the index. */
export const WALK_CAP = 5_000;

const ORDER: Record<PublicDonationQuery['sort'], string> = {
  newest: 'received_on desc, id desc',
  oldest: 'received_on, id',
  amount_desc: 'amount desc, id desc',
  amount_asc: 'amount, id',
};

// What the public may see: an unpublished or anonymous donor shows as anonymous, and the memo of an
// unpublished donation is withheld too (memos often carry the payer's name). A published memo (every bank
// statement line: the bank published them) shows with phone and account numbers masked (7+ digits keep
// their last 3, like maskMemo in statements/donor-names.ts).
const PUBLIC_COLS = `id, received_on as "receivedOn", amount, kind,
  case when publish_name and donor_kind <> 'anonymous' then donor_name end as "donorName",
  case when publish_name then regexp_replace(memo, '[0-9]{4,}([0-9]{3})', '****\\1', 'g') end as memo, goods_description as "goodsDescription"`;

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
  const value = db
    .query<{ elems: string[] | null; freqs: number[] | null }>(
      `select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs from pg_stats
      where tablename = 'fund_donations_search_tokens' and attname = 'fund_search_tokens'`,
    )
    .then(
      ([r]) => {
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

/** Tokens the GIN index holds for a phrase: the adjacent pairs, or the single word. */
export function phraseTokens(words: string[]): string[] {
  if (words.length === 1) return words;
  return words.slice(1).map((w, i) => `${words[i]}_${w}`);
}

type Built = { where: string[]; params: unknown[] };

function conditions(campaignId: number, q: PublicDonationQuery, words: string[], withIndex: boolean): Built {
  const params: unknown[] = [campaignId];
  const where = ['campaign_id = $1', 'reversal_entry_id is null'];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (q.from) add((p) => `received_on >= ${p}::date`, q.from);
  if (q.to) add((p) => `received_on <= ${p}::date`, q.to);
  if (q.min !== undefined) add((p) => `amount >= ${p}::bigint`, q.min);
  if (q.max !== undefined) add((p) => `amount <= ${p}::bigint`, q.max);
  if (words.length) {
    where.push('publish_name');
    if (withIndex) add((p) => `fund_search_tokens(search_text) @> ${p}::text[]`, phraseTokens(words));
    // The exact phrase, whole words: "nguyen thi anh" does not match "nguyen thi anhdao".
    add((p) => `(' ' || search_text || ' ') like ${p}`, `% ${words.join(' ')} %`);
  }
  return { where, params };
}

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

  const order = ORDER[q.sort];
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
    const rows = await db.query<PublicDonation>(`select ${PUBLIC_COLS} from fund_donations where campaign_id = $1 and reversal_entry_id is null order by ${order} limit $2`, [
      campaignId,
      need,
    ]);
    return page(rows, { count: campaignCount, kind: 'exact' }, 'list');
  }

  // 1. Walk: rows in display order through the campaign's btree (date bounds narrow the walk itself when
  // the order is by date), filtered as they stream by; the scan stops as soon as the page is full, or
  // after walkCap rows. row_number() tells how far it went, hence the share of rows that match.
  if (filtered && walk) {
    const c = conditions(campaignId, q, words, false);
    const byDate = q.sort === 'newest' || q.sort === 'oldest';
    const walkWhere = ['campaign_id = $1'];
    const rest: string[] = [];
    for (const w of c.where.slice(1)) (byDate && w.startsWith('received_on') ? walkWhere : rest).push(w);
    c.params.push(walkCap);
    const capParam = `$${c.params.length}`;
    c.params.push(need);
    const needParam = `$${c.params.length}`;
    const rows = await db.query<PublicDonation & { pos: number }>(
      `select ${PUBLIC_COLS}, pos from (
         select *, row_number() over () as pos from (
           select id, received_on, amount, kind, donor_kind, donor_name, publish_name, memo, goods_description, search_text, reversal_entry_id
             from fund_donations where ${walkWhere.join(' and ')} order by ${order} limit ${capParam}) a) w
       where ${rest.join(' and ')} limit ${needParam}`,
      c.params,
    );
    const found = rows.map(strip);
    if (found.length >= need) {
      const walked = Number(rows[rows.length - 1].pos);
      const estimate = Math.max(need - 1, Math.round(((need - 1) / walked) * campaignCount));
      return page(found, { count: estimate, kind: 'estimate' }, 'walk');
    }
    // Fewer than a page: if the walk saw every row in range, these are all the matches.
    const wp: unknown[] = [campaignId];
    const ww = ['campaign_id = $1'];
    if (byDate && q.from) ww.push(`received_on >= $${wp.push(q.from)}::date`);
    if (byDate && q.to) ww.push(`received_on <= $${wp.push(q.to)}::date`);
    const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from (select 1 from fund_donations where ${ww.join(' and ')} limit $${wp.push(walkCap)}) t`, wp);
    if (n < walkCap) return page(found, { count: found.length, kind: 'exact' }, 'walk');
  }

  // 2. Rare matches (or a date range on its own): the index finds them; the planner sorts the few rows.
  const c = conditions(campaignId, q, words, useIndex);
  c.params.push(need);
  const rows = await db.query<PublicDonation>(`select ${PUBLIC_COLS} from fund_donations where ${c.where.join(' and ')} order by ${order} limit $${c.params.length}`, c.params);
  // A full page means more matches than shown; counting them all would cost more than the page.
  const total: PublicDonationPage['total'] = rows.length < need ? { count: rows.length, kind: 'exact' } : { count: need - 1, kind: 'atLeast' };
  return page(rows, total, useIndex ? 'index' : 'filter');
}

function strip(r: PublicDonation & { pos?: number }): PublicDonation {
  return { id: r.id, receivedOn: r.receivedOn, amount: r.amount, kind: r.kind, donorName: r.donorName, memo: r.memo, goodsDescription: r.goodsDescription };
}
