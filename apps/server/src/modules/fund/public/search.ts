// Searching a campaign's donations (public). No single index answers every query shape fast at 10M
// rows (see STACK.md): a common name is found at once by walking the rows in display order, a rare one
// by the word-pair GIN index. So the application picks: walk a bounded number of rows in display order;
// if that did not fill the page, ask the index (only rare queries get there, and those are cheap).
import type { PublicDonation, PublicDonationPage, PublicDonationQuery } from '@contract/fund-public';
import type { Db } from '../../../db/db';
import { normalizeVn } from '../../../platform/vn-text';

/** Rows walked in display order before switching to the index. */
export const WALK_CAP = 20_000;
/** Counting beyond this is not worth its cost on a public page: "≥ 10 000". */
const COUNT_CAP = 10_000;

const ORDER: Record<PublicDonationQuery['sort'], string> = {
  newest: 'received_on desc, id desc',
  oldest: 'received_on, id',
  amount_desc: 'amount desc, id desc',
  amount_asc: 'amount, id',
};

// What the public may see: an unpublished or anonymous donor shows as anonymous, and the memo of such a
// donation is withheld too (memos often carry the payer's name).
const PUBLIC_COLS = `id, received_on as "receivedOn", amount, kind,
  case when publish_name and donor_kind <> 'anonymous' then donor_name end as "donorName",
  case when publish_name then memo end as memo, goods_description as "goodsDescription"`;

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

export async function searchDonations(
  db: Db, campaignId: number, q: PublicDonationQuery, campaignCount: number, opts: { walkCap?: number } = {},
): Promise<SearchResult> {
  const walkCap = opts.walkCap ?? WALK_CAP;
  const words = queryWords(q.q);
  const offset = (q.page - 1) * q.size;
  const need = offset + q.size + 1; // one more tells whether there is a next page
  const order = ORDER[q.sort];
  const filtered = words.length > 0 || q.min !== undefined || q.max !== undefined;
  const page = (rows: PublicDonation[], total: PublicDonationPage['total'], plan: SearchPlan): SearchResult => ({
    items: rows.slice(offset, offset + q.size), page: q.page, size: q.size, total, hasMore: rows.length > offset + q.size, plan,
  });

  if (!filtered && !q.from && !q.to) {
    const rows = await db.query<PublicDonation>(
      `select ${PUBLIC_COLS} from fund_donations where campaign_id = $1 and reversal_entry_id is null order by ${order} limit $2`,
      [campaignId, need],
    );
    return page(rows, { count: campaignCount, kind: 'exact' }, 'list');
  }

  // 1. Walk: the newest (or largest…) rows in display order, through the campaign's btree; date bounds
  // narrow the walk itself when the order is by date.
  if (filtered) {
    const c = conditions(campaignId, q, words, false);
    const byDate = q.sort === 'newest' || q.sort === 'oldest';
    const walkWhere = ['campaign_id = $1'];
    const rest: string[] = [];
    for (const w of c.where.slice(1)) (byDate && w.startsWith('received_on') ? walkWhere : rest).push(w);
    c.params.push(walkCap);
    const capParam = `$${c.params.length}`;
    c.params.push(need);
    const needParam = `$${c.params.length}`;
    const rows = await db.query<PublicDonation & { walked: number; matched: number }>(
      `with w as materialized (
         select id, received_on, amount, kind, donor_kind, donor_name, publish_name, memo, goods_description, search_text, reversal_entry_id
           from fund_donations where ${walkWhere.join(' and ')} order by ${order} limit ${capParam}),
       m as (select * from w where ${rest.join(' and ')})
       select p.*, c.walked::int as walked, (select count(*) from m)::int as matched
         from (select count(*) as walked from w) c
         left join lateral (select ${PUBLIC_COLS} from m order by ${order} limit ${needParam}) p on true`,
      c.params,
    );
    const walked = rows[0]?.walked ?? 0;
    const matched = rows[0]?.matched ?? 0;
    const found = rows.filter((r) => r.id !== null).map(strip);
    if (walked < walkCap) return page(found, { count: matched, kind: 'exact' }, 'walk');
    if (found.length >= need) {
      // Enough in the first rows walked: estimate the rest from the share that matched.
      const estimate = Math.max(matched, Math.round((matched / walked) * campaignCount));
      return page(found, { count: estimate, kind: 'estimate' }, 'walk');
    }
  }

  // 2. Rare matches (or a date range on its own): the index finds them; the planner sorts the few rows.
  const c = conditions(campaignId, q, words, words.length > 0);
  c.params.push(need);
  const rows = await db.query<PublicDonation>(
    `select ${PUBLIC_COLS} from fund_donations where ${c.where.join(' and ')} order by ${order} limit $${c.params.length}`,
    c.params,
  );
  let total: PublicDonationPage['total'];
  if (rows.length < need) total = { count: rows.length, kind: 'exact' };
  else {
    const cc = conditions(campaignId, q, words, words.length > 0);
    cc.params.push(COUNT_CAP + 1);
    const [{ n }] = await db.query<{ n: number }>(
      `select count(*)::int as n from (select 1 from fund_donations where ${cc.where.join(' and ')} limit $${cc.params.length}) t`, cc.params,
    );
    total = n > COUNT_CAP ? { count: COUNT_CAP, kind: 'atLeast' } : { count: n, kind: 'exact' };
  }
  return page(rows, total, words.length ? 'index' : 'filter');
}

function strip(r: PublicDonation & { walked?: number; matched?: number }): PublicDonation {
  return { id: r.id, receivedOn: r.receivedOn, amount: r.amount, kind: r.kind, donorName: r.donorName, memo: r.memo, goodsDescription: r.goodsDescription };
}
