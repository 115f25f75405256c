import type { z } from 'zod';
import type {
  Agency,
  Conference,
  CreateAgency,
  CreateConference,
  CreateMeeting,
  CreateReception,
  DeadlineRule,
  Meeting,
  PetitionKind,
  PetitionStats,
  Reception,
  UpdateDeadlineRule,
} from '@contract/petitions';
import { scopeCondition, today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { deadlineRules, PLACES_SQL, unitNameAt } from './queries';
import { plainText } from './rules';

type In<T extends z.ZodType> = z.infer<T>;

/** A dated record at a unit: the unit must exist on that date (the registrar checked the user writes there). */
async function assertWrite({ db, user }: Ctx, unitId: number, date: string): Promise<void> {
  if (user.unitValidTo && today() >= user.unitValidTo) throw new AppError('UNIT_ENDED');
  if (date > today()) throw new AppError('PETITION_DATE_INVALID', { date });
  const [u] = await db.query<{ ok: boolean }>('select valid_from <= $2::date and $2::date < valid_to as ok from units where id = $1', [unitId, date]);
  if (!u.ok) throw new AppError('UNIT_NOT_VALID_AT_DATE', { unitId, date });
}

const inPeriod = (col: string, q: { from?: string; to?: string }, params: unknown[]) => {
  const parts: string[] = [];
  if (q.from) parts.push(`${col} >= $${params.push(q.from)}::date`);
  if (q.to) parts.push(`${col} <= $${params.push(q.to)}::date`);
  return parts.length ? ' and ' + parts.join(' and ') : '';
};

// ---------- citizen reception ----------

export async function createReception(ctx: Ctx, input: In<typeof CreateReception>): Promise<Reception> {
  return ctx.db.tx(async (tx) => {
    await assertWrite({ db: tx, user: ctx.user }, input.unitId, input.heldOn);
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into citizen_receptions (unit_id, held_on, officials, citizens_count, matters, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.unitId, input.heldOn, plainText(input.officials), input.citizensCount, plainText(input.matters), ctx.user.id],
    );
    const [r] = await listReceptions({ db: tx, user: ctx.user }, { unit: input.unitId }, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'citizen_reception', entityId: id, unitId: input.unitId, after: r });
    return r;
  });
}

export async function listReceptions({ db, user }: Ctx, q: { unit: number; from?: string; to?: string }, onlyId?: number): Promise<Reception[]> {
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

export async function createMeeting(ctx: Ctx, input: In<typeof CreateMeeting>): Promise<Meeting> {
  return ctx.db.tx(async (tx) => {
    await assertWrite({ db: tx, user: ctx.user }, input.unitId, input.heldOn);
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into voter_meetings (unit_id, kind, held_on, deputies, place, voters, opinions, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [input.unitId, input.kind, input.heldOn, plainText(input.deputies), plainText(input.place), input.voters, input.opinions, plainText(input.note), ctx.user.id],
    );
    const [m] = await listMeetings({ db: tx, user: ctx.user }, { unit: input.unitId }, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'voter_meeting', entityId: id, unitId: input.unitId, after: m });
    return m;
  });
}

export async function listMeetings({ db, user }: Ctx, q: { unit: number; from?: string; to?: string }, onlyId?: number): Promise<Meeting[]> {
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

export async function createConference(ctx: Ctx, input: In<typeof CreateConference>): Promise<Conference> {
  return ctx.db.tx(async (tx) => {
    await assertWrite({ db: tx, user: ctx.user }, input.unitId, input.heldOn);
    const ids = [...new Set(input.petitionIds)];
    if (ids.length) {
      // Every case covered must be one the user reaches.
      const scope = scopeCondition(ctx.user, 'p.unit_id', 'p.received_on', 2);
      const [r] = await tx.query<{ n: number }>(`select count(*)::int as n from petitions p where p.id = any($1::bigint[]) and ${scope.sql}`, [ids, ...scope.params]);
      if (r.n !== ids.length) throw new AppError('OUT_OF_SCOPE', { petitionIds: ids });
    }
    const [{ id }] = await tx.query<{ id: number }>(
      `insert into petition_conferences (unit_id, held_on, title, attendees, note, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
      [input.unitId, input.heldOn, plainText(input.title), input.attendees, plainText(input.note), ctx.user.id],
    );
    if (ids.length) {
      await tx.query('insert into petition_conference_cases (conference_id, petition_id) select $1, unnest($2::bigint[])', [id, ids]);
    }
    const [c] = await listConferences({ db: tx, user: ctx.user }, { unit: input.unitId }, id);
    await audit(tx, ctx.user, { action: 'create', entity: 'petition_conference', entityId: id, unitId: input.unitId, after: c });
    return c;
  });
}

export async function listConferences({ db, user }: Ctx, q: { unit: number; from?: string; to?: string }, onlyId?: number): Promise<Conference[]> {
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

/** The agencies a unit's petitions can go to: at the unit (or its successor) and every level above it, today. */
export async function listAgencies({ db }: Ctx, unitId: number): Promise<Agency[]> {
  return db.query<Agency>(
    `select a.id, a.unit_id as "unitId", ${unitNameAt('a.unit_id', 'vn_today()')} as "unitName", a.name, a.fields
       from petition_agencies a
      where a.active and exists (select 1 from unit_lineage_closure l join unit_closure c on c.descendant_id = l.successor_id
                                  where l.predecessor_id = $1 and c.ancestor_id = a.unit_id)
      order by a.unit_id, a.name`,
    [unitId],
  );
}

export async function createAgency(ctx: Ctx, input: In<typeof CreateAgency>): Promise<Agency> {
  return ctx.db.tx(async (tx) => {
    const [{ id }] = await tx.query<{ id: number }>('insert into petition_agencies (unit_id, name, fields) values ($1, $2, $3) returning id', [
      input.unitId,
      plainText(input.name),
      input.fields,
    ]);
    const [a] = await tx.query<Agency>(
      `select a.id, a.unit_id as "unitId", ${unitNameAt('a.unit_id', 'vn_today()')} as "unitName", a.name, a.fields from petition_agencies a where a.id = $1`,
      [id],
    );
    await audit(tx, ctx.user, { action: 'create', entity: 'petition_agency', entityId: id, unitId: input.unitId, after: a });
    return a;
  });
}

// ---------- deadline rules ----------

export async function getRules(ctx: Ctx): Promise<DeadlineRule[]> {
  return Object.values(await deadlineRules(ctx.db));
}

/** Deadlines apply country-wide: only an administrator changes them. Items already due keep their dates. */
export async function updateRule(ctx: Ctx, kind: PetitionKind, input: In<typeof UpdateDeadlineRule>): Promise<DeadlineRule> {
  return ctx.db.tx(async (tx) => {
    const before = (await deadlineRules(tx))[kind];
    await tx.query(
      `update petition_deadline_rules set accept_days = $2, answer_days = $3, complex_answer_days = $4, extension_days = $5,
              max_extensions = $6, result_notice_days = $7, updated_at = now() where kind = $1`,
      [kind, input.acceptDays, input.answerDays, input.complexAnswerDays, input.extensionDays, input.maxExtensions, input.resultNoticeDays],
    );
    const after = (await deadlineRules(tx))[kind];
    await audit(tx, ctx.user, { action: 'update', entity: 'petition_deadline_rule', entityId: kind, before, after });
    return after;
  });
}

// ---------- figures for a unit and period (target 13, median days to answer) ----------

export async function petitionStats({ db }: Ctx, q: { unit: number; from: string; to: string }): Promise<PetitionStats> {
  const [r] = await db.query<PetitionStats & { median: number | null }>(
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
  return {
    received: r.received,
    forwarded: r.forwarded,
    answerDue: r.answerDue,
    answeredInWriting: r.answeredInWriting,
    writtenAnswerRate: r.answerDue ? r.answeredInWriting / r.answerDue : null,
    medianDaysToAnswer: r.median,
    overdue: r.overdue,
  };
}
