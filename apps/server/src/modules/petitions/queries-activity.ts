import type { z } from 'zod';
import type { Agency, Conference, Meeting, PetitionKind, PetitionStats, Reception, UpdateDeadlineRule } from '@contract/petitions';
import type { Db } from '../../db/db';
import { scopeCondition, type CurrentUser } from '../../platform/access';
import { PLACES_SQL, unitNameAt } from './queries';

// Receptions, voter meetings, result conferences, agencies, deadline rules and figures (activity-service.ts).

/** The records of a unit's subtree (through its history), optionally between two dates. */
export type ActivityQuery = { unit: number; from?: string; to?: string };

const inPeriod = (col: string, q: { from?: string; to?: string }, params: unknown[]) => {
  const parts: string[] = [];
  if (q.from) parts.push(`${col} >= $${params.push(q.from)}::date`);
  if (q.to) parts.push(`${col} <= $${params.push(q.to)}::date`);
  return parts.length ? ' and ' + parts.join(' and ') : '';
};

// ---------- citizen reception ----------

export async function insertReception(
  tx: Db,
  r: { unitId: number; heldOn: string; officials: string; citizensCount: number; matters: string; createdBy: number },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into citizen_receptions (unit_id, held_on, officials, citizens_count, matters, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [r.unitId, r.heldOn, r.officials, r.citizensCount, r.matters, r.createdBy],
  );
  return id;
}

export async function findReceptions(db: Db, user: CurrentUser, q: ActivityQuery, onlyId?: number): Promise<Reception[]> {
  const params: unknown[] = [q.unit];
  const scope = scopeCondition(user, 'r.unit_id', 'r.held_on', params.length + 1);
  params.push(...scope.params);
  const extra = onlyId ? ` and r.id = $${params.push(onlyId)}` : inPeriod('r.held_on', q, params);
  return db.query<Reception>(
    `select r.id, r.unit_id as "unitId", ${unitNameAt('r.unit_id', 'r.held_on')} as "unitName", r.held_on as "heldOn", r.officials,
            r.citizens_count as "citizensCount", r.matters
       from (${PLACES_SQL('$1::bigint')}) s join citizen_receptions r on r.unit_id = s.unit_id and r.held_on >= s.valid_from and r.held_on < s.valid_to
      where ${scope.sql}${extra} order by r.held_on desc, r.id desc limit 500`,
    params,
  );
}

// ---------- voter meetings and dialogues ----------

export async function insertMeeting(
  tx: Db,
  m: { unitId: number; kind: Meeting['kind']; heldOn: string; deputies: string; place: string; voters: number; opinions: number; note: string; createdBy: number },
): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into voter_meetings (unit_id, kind, held_on, deputies, place, voters, opinions, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [m.unitId, m.kind, m.heldOn, m.deputies, m.place, m.voters, m.opinions, m.note, m.createdBy],
  );
  return id;
}

export async function findMeetings(db: Db, user: CurrentUser, q: ActivityQuery, onlyId?: number): Promise<Meeting[]> {
  const params: unknown[] = [q.unit];
  const scope = scopeCondition(user, 'm.unit_id', 'm.held_on', params.length + 1);
  params.push(...scope.params);
  const extra = onlyId ? ` and m.id = $${params.push(onlyId)}` : inPeriod('m.held_on', q, params);
  return db.query<Meeting>(
    `select m.id, m.unit_id as "unitId", ${unitNameAt('m.unit_id', 'm.held_on')} as "unitName", m.kind, m.held_on as "heldOn",
            m.deputies, m.place, m.voters, m.opinions, m.note
       from (${PLACES_SQL('$1::bigint')}) s join voter_meetings m on m.unit_id = s.unit_id and m.held_on >= s.valid_from and m.held_on < s.valid_to
      where ${scope.sql}${extra} order by m.held_on desc, m.id desc limit 500`,
    params,
  );
}

// ---------- public result conferences ----------

export async function insertConference(tx: Db, k: { unitId: number; heldOn: string; title: string; attendees: number; note: string; createdBy: number }): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>(
    `insert into petition_conferences (unit_id, held_on, title, attendees, note, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
    [k.unitId, k.heldOn, k.title, k.attendees, k.note, k.createdBy],
  );
  return id;
}

export async function insertConferenceCases(tx: Db, conferenceId: number, petitionIds: number[]): Promise<void> {
  await tx.query('insert into petition_conference_cases (conference_id, petition_id) select $1, unnest($2::bigint[])', [conferenceId, petitionIds]);
}

export async function findConferences(db: Db, user: CurrentUser, q: ActivityQuery, onlyId?: number): Promise<Conference[]> {
  const params: unknown[] = [q.unit];
  const scope = scopeCondition(user, 'k.unit_id', 'k.held_on', params.length + 1);
  params.push(...scope.params);
  const extra = onlyId ? ` and k.id = $${params.push(onlyId)}` : inPeriod('k.held_on', q, params);
  return db.query<Conference>(
    `select k.id, k.unit_id as "unitId", ${unitNameAt('k.unit_id', 'k.held_on')} as "unitName", k.held_on as "heldOn", k.title,
            k.attendees, k.note,
            coalesce((select array_agg(c.petition_id::int order by c.petition_id) from petition_conference_cases c where c.conference_id = k.id), '{}'::int[]) as "petitionIds"
       from (${PLACES_SQL('$1::bigint')}) s join petition_conferences k on k.unit_id = s.unit_id and k.held_on >= s.valid_from and k.held_on < s.valid_to
      where ${scope.sql}${extra} order by k.held_on desc, k.id desc limit 200`,
    params,
  );
}

// ---------- competent agencies ----------

/** The active agencies at the unit (or its successor) and every level above it, with today's unit names. */
export async function listAgenciesFor(db: Db, unitId: number): Promise<Agency[]> {
  return db.query<Agency>(
    `select a.id, a.unit_id as "unitId", ${unitNameAt('a.unit_id', 'vn_today()')} as "unitName", a.name, a.fields
       from petition_agencies a
      where a.active and exists (select 1 from unit_lineage_closure l join unit_closure c on c.descendant_id = l.successor_id
                                  where l.predecessor_id = $1 and c.ancestor_id = a.unit_id)
      order by a.unit_id, a.name`,
    [unitId],
  );
}

export async function insertAgency(tx: Db, a: { unitId: number; name: string; fields: Agency['fields'] }): Promise<number> {
  const [{ id }] = await tx.query<{ id: number }>('insert into petition_agencies (unit_id, name, fields) values ($1, $2, $3) returning id', [a.unitId, a.name, a.fields]);
  return id;
}

export async function findAgency(db: Db, id: number): Promise<Agency> {
  const [a] = await db.query<Agency>(
    `select a.id, a.unit_id as "unitId", ${unitNameAt('a.unit_id', 'vn_today()')} as "unitName", a.name, a.fields from petition_agencies a where a.id = $1`,
    [id],
  );
  return a;
}

// ---------- deadline rules ----------

export async function updateDeadlineRule(tx: Db, kind: PetitionKind, r: z.infer<typeof UpdateDeadlineRule>): Promise<void> {
  await tx.query(
    `update petition_deadline_rules set accept_days = $2, answer_days = $3, complex_answer_days = $4, extension_days = $5,
              max_extensions = $6, result_notice_days = $7, updated_at = now() where kind = $1`,
    [kind, r.acceptDays, r.answerDays, r.complexAnswerDays, r.extensionDays, r.maxExtensions, r.resultNoticeDays],
  );
}

// ---------- figures for a unit and period (target 13, median days to answer) ----------

export type StatsRow = Omit<PetitionStats, 'writtenAnswerRate' | 'medianDaysToAnswer'> & { median: number | null };

/** Counts over the petitions of the unit's subtree (through its history) for the period $2..$3. */
export async function petitionCounts(db: Db, q: { unit: number; from: string; to: string }): Promise<StatsRow> {
  const [r] = await db.query<StatsRow>(
    `with p as (select p.* from (${PLACES_SQL('$1::bigint')}) s
                  join petitions p on p.unit_id = s.unit_id and p.received_on >= s.valid_from and p.received_on < s.valid_to)
     select (select count(*) from p where received_on between $2 and $3)::int as received,
            (select count(*) from p where forwarded_on between $2 and $3)::int as forwarded,
            (select count(*) from p where answer_due_on between $2 and $3)::int as "answerDue",
            (select count(*) from p where answer_due_on between $2 and $3 and answer_in_writing)::int as "answeredInWriting",
            (select percentile_cont(0.5) within group (order by answered_on - forwarded_on) from p
              where answered_on between $2 and $3 and forwarded_on is not null)::float8 as median,
            (select count(*) from p where due_on < vn_today())::int as overdue`,
    [q.unit, q.from, q.to],
  );
  return r;
}
