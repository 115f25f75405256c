-- The public search is always within one campaign, but the donors' word index held the words of every
-- campaign together: at 100 million donations a full name in a small campaign read the word's whole
-- posting list (≈ 160,000 rows for a surname pair) and intersected it with the campaign's rows, 121 ms p50 /
-- 248 ms p95. With the campaign as the index's first key (btree_gin), the index itself answers "this word in
-- this campaign": 3.9–5.8 ms p50 / 7–9 ms p95 on the same table, better than partitioning by year
-- (README "Growth of the big tables"). Same name, so the plan chooser's statistics (pg_stats of the index's
-- fund_search_tokens column) and the merge after an import (gin_clean_pending_list) are unchanged.
create extension if not exists btree_gin;
drop index fund_donations_search_tokens;
create index fund_donations_search_tokens on fund_donations using gin (campaign_id, fund_search_tokens(search_text)) where publish_name;
alter index fund_donations_search_tokens set (fastupdate = on, gin_pending_list_limit = 65536);
