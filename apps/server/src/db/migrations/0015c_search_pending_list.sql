-- The donors' word index takes new rows into its pending list (GIN fastupdate) and merges them in bulk:
-- with the default 4 MB list an import of the real statements merged it a dozen times inside the
-- import's transaction. 64 MB lets an import append, and the merge runs once, after it (vacuum, or the
-- list filling up); searches read the pending list too, so nothing is missed meanwhile.
alter index fund_donations_search_tokens set (fastupdate = on, gin_pending_list_limit = 65536);
