// The public search's SQL (search.ts chooses which to run): the columns the public may see, the filters of a
// query, and the three ways to read a page — first rows, a walk in display order, the word index.
import type { PublicDonation, PublicDonationQuery } from '@contract/fund-public';
import type { Db } from '../../../db/db';

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

/** Most common search tokens and their frequencies, from the statistics of the GIN index's expression. */
export async function tokenFrequencies(db: Db): Promise<{ elems: string[] | null; freqs: number[] | null } | undefined> {
  const [r] = await db.query<{ elems: string[] | null; freqs: number[] | null }>(
    `select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs from pg_stats
      where tablename = 'fund_donations_search_tokens' and attname = 'fund_search_tokens'`,
  );
  return r;
}

/** The first `need` donations of a campaign in display order, unfiltered. */
export async function firstDonations(db: Db, campaignId: number, sort: PublicDonationQuery['sort'], need: number): Promise<PublicDonation[]> {
  return db.query<PublicDonation>(`select ${PUBLIC_COLS} from fund_donations where campaign_id = $1 and reversal_entry_id is null order by ${ORDER[sort]} limit $2`, [
    campaignId,
    need,
  ]);
}

/**
 * Walk: rows in display order through the campaign's btree (date bounds narrow the walk itself when the
 * order is by date), filtered as they stream by; the scan stops as soon as `need` rows matched, or after
 * `walkCap` rows. `pos` (row_number) tells how far it went, hence the share of rows that match.
 */
export async function walkDonations(
  db: Db,
  campaignId: number,
  q: PublicDonationQuery,
  words: string[],
  walkCap: number,
  need: number,
): Promise<Array<PublicDonation & { pos: number }>> {
  const c = conditions(campaignId, q, words, false);
  const byDate = q.sort === 'newest' || q.sort === 'oldest';
  const walkWhere = ['campaign_id = $1'];
  const rest: string[] = [];
  for (const w of c.where.slice(1)) (byDate && w.startsWith('received_on') ? walkWhere : rest).push(w);
  c.params.push(walkCap);
  const capParam = `$${c.params.length}`;
  c.params.push(need);
  const needParam = `$${c.params.length}`;
  return db.query<PublicDonation & { pos: number }>(
    `select ${PUBLIC_COLS}, pos from (
         select *, row_number() over () as pos from (
           select id, received_on, amount, kind, donor_kind, donor_name, publish_name, memo, goods_description, search_text, reversal_entry_id
             from fund_donations where ${walkWhere.join(' and ')} order by ${ORDER[q.sort]} limit ${capParam}) a) w
       where ${rest.join(' and ')} limit ${needParam}`,
    c.params,
  );
}

/** The campaign's rows a walk would see (within the dates when sorted by date), counted up to `cap`. */
export async function campaignRowsUpTo(db: Db, campaignId: number, q: PublicDonationQuery, cap: number): Promise<number> {
  const byDate = q.sort === 'newest' || q.sort === 'oldest';
  const wp: unknown[] = [campaignId];
  const ww = ['campaign_id = $1'];
  if (byDate && q.from) ww.push(`received_on >= $${wp.push(q.from)}::date`);
  if (byDate && q.to) ww.push(`received_on <= $${wp.push(q.to)}::date`);
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from (select 1 from fund_donations where ${ww.join(' and ')} limit $${wp.push(cap)}) t`, wp);
  return n;
}

/** The matches through the filters (and the word index when `withIndex`); the planner sorts the few rows. */
export async function matchingDonations(db: Db, campaignId: number, q: PublicDonationQuery, words: string[], withIndex: boolean, need: number): Promise<PublicDonation[]> {
  const c = conditions(campaignId, q, words, withIndex);
  c.params.push(need);
  return db.query<PublicDonation>(`select ${PUBLIC_COLS} from fund_donations where ${c.where.join(' and ')} order by ${ORDER[q.sort]} limit $${c.params.length}`, c.params);
}
