-- Rebuild the derived closure tables only where a unit change can have changed them. Closure rows
-- depend on a descendant's ancestor chain, so the changed units and everything below them (before or
-- after the change) are recomputed; lineage rows depend on a successor's history, so the changed
-- units and every unit their history rolls into are recomputed.
-- The recursion repeats refresh_unit_closure()'s on purpose: one function taking "null = all" with two
-- anchors measured 2-3x slower for a province-sized change on PostgreSQL 15 (worse plans).
create or replace function refresh_unit_closure_for(changed bigint[]) returns void language plpgsql as $$
declare
  affected bigint[];
  successors bigint[];
begin
  perform pg_advisory_xact_lock(2024112902);

  with recursive down (id) as (
    select unnest(changed)
    union
    select v.unit_id from unit_versions v join down on v.parent_id = down.id
  )
  select array_agg(id) into affected from (
    select id from down
    union
    select descendant_id from unit_closure where ancestor_id = any (changed)
  ) x;

  delete from unit_closure where descendant_id = any (affected);
  insert into unit_closure (ancestor_id, descendant_id, valid_from, valid_to, depth)
  with recursive c (ancestor_id, descendant_id, valid_from, valid_to, depth) as (
    select unit_id, unit_id, valid_from, valid_to, 0 from unit_versions where unit_id = any (affected)
    union all
    select v.parent_id, c.descendant_id, greatest(c.valid_from, v.valid_from), least(c.valid_to, v.valid_to), c.depth + 1
    from c join unit_versions v on v.unit_id = c.ancestor_id
    where v.parent_id is not null
      and greatest(c.valid_from, v.valid_from) < least(c.valid_to, v.valid_to)
      and c.depth < 10
  )
  select ancestor_id, descendant_id, valid_from, valid_to, depth from c;

  with recursive fwd (id) as (
    select unnest(changed)
    union
    select l.successor_id from unit_lineage l join fwd on l.predecessor_id = fwd.id
  )
  select array_agg(id) into successors from fwd;

  delete from unit_lineage_closure where successor_id = any (successors);
  insert into unit_lineage_closure (successor_id, predecessor_id)
  with recursive l (successor_id, predecessor_id, depth) as (
    select id, id, 0 from units where id = any (successors)
    union
    select l.successor_id, ul.predecessor_id, l.depth + 1
    from l join unit_lineage ul on ul.successor_id = l.predecessor_id
    where l.depth < 20
  )
  select distinct successor_id, predecessor_id from l;
end $$;
