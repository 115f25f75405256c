-- Statement imports: the line keys and the donors' search words are only ever compared for equality
-- (a key already imported, a word in the GIN index), never sorted for people to read. Under the
-- database's default collation (C.UTF-8 here, often en_US.UTF-8) every comparison inserting a line
-- went through strcoll: the unique key index and the sort of each row's words into the GIN index were
-- ~15% of an import's database time (perf, 98,967 real lines). Byte order ("C") gives the same answers
-- for equality and LIKE, and compares with memcmp. The indexes on these columns are rebuilt.
alter table fund_donations alter column statement_line_key type text collate "C";
alter table fund_donations alter column search_text type text collate "C";
