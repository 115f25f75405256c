import crypto from 'node:crypto';
import type { CreateSurvey, PaperAnswers, PublicAnswer, PublicSurvey, Survey, SurveyResults } from '@contract/movements';
import type { SurveyRating } from '@contract/movements-values';
import { CreateSurvey as CreateSurveySchema, SATISFIED, SURVEY_RATINGS } from '@contract/movements';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertFact, normaliseHouseholdCode, surveyRate, unitNameAt } from './rules';
import { householdKey, householdKeys } from './survey-key';

const SURVEY_COLS = `s.id, s.unit_id as "unitId", ${unitNameAt('s.unit_id', 's.opens_on')} as "unitName", s.campaign, s.title, s.question,
  s.opens_on as "opensOn", s.closes_on as "closesOn", s.public_code as "publicCode"`;
// Codes people type from a paper invitation: no 0/O, 1/I/L.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');

export async function listSurveys({ db }: Ctx, unitId: number, year: number): Promise<Survey[]> {
  return db.query<Survey>(
    `select ${SURVEY_COLS} from surveys s
      where s.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= s.opens_on and s.opens_on < c.valid_to)
        and s.opens_on <= make_date($2, 12, 31) and s.closes_on >= make_date($2, 1, 1)
      order by s.opens_on desc, s.id desc limit 500`,
    [unitId, year],
  );
}

export async function createSurvey({ db, user }: Ctx, raw: CreateSurvey): Promise<Survey> {
  const input = CreateSurveySchema.parse(raw);
  if (input.closesOn < input.opensOn) throw new AppError('MOVEMENT_DATE_INVALID', { closesOn: input.closesOn });
  await assertFact(db, input.unitId, input.opensOn < today() ? input.opensOn : today());
  return db.tx(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into surveys (unit_id, campaign, title, question, opens_on, closes_on, public_code, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [input.unitId, input.campaign, input.title, input.question, input.opensOn, input.closesOn, input.public ? newCode() : null, user.id],
    );
    await audit(tx, user, { action: 'movements.survey.create', entity: 'survey', entityId: row.id, unitId: input.unitId, after: input });
    const [s] = await tx.query<Survey>(`select ${SURVEY_COLS} from surveys s where s.id = $1`, [row.id]);
    return s;
  });
}

/** Counts only: by rating and by channel; nothing that tells who answered. */
export async function surveyResults(db: Db, surveyId: number): Promise<SurveyResults> {
  const [s] = await db.query<{ title: string }>('select title from surveys where id = $1', [surveyId]);
  if (!s) throw new AppError('NOT_FOUND');
  const rows = await db.query<{ rating: SurveyRating; channel: 'paper' | 'public'; n: number }>(
    `select rating, channel, count(*)::int as n from survey_answers where survey_id = $1 group by rating, channel`,
    [surveyId],
  );
  const by = <K extends string>(keys: readonly K[], f: (r: (typeof rows)[number]) => K) =>
    keys.map((k) => ({ key: k, count: rows.filter((r) => f(r) === k).reduce((n, r) => n + r.n, 0) }));
  const respondents = rows.reduce((n, r) => n + r.n, 0);
  const satisfied = rows.filter((r) => SATISFIED.includes(r.rating)).reduce((n, r) => n + r.n, 0);
  return {
    surveyId,
    title: s.title,
    respondents,
    satisfied,
    ...surveyRate(satisfied, respondents),
    byRating: by(SURVEY_RATINGS, (r) => r.rating).map(({ key, count }) => ({ rating: key, count })),
    byChannel: by(['paper', 'public'] as const, (r) => r.channel).map(({ key, count }) => ({ channel: key, count })),
  };
}

const isDuplicate = (e: unknown) => (e as { code?: string })?.code === '23505';

/** Answers a household may give once: the keyed digests already stored under any key of the ring. */
async function assertNotAnswered(db: Db, surveyId: number, code: string) {
  const [hit] = await db.query('select 1 from survey_answers where survey_id = $1 and household_key = any($2::text[])', [surveyId, householdKeys(surveyId, code)]);
  if (hit) throw new AppError('SURVEY_ALREADY_ANSWERED');
}

/** An officer types in the paper forms of a day; a household code, when the form has one, is kept only as its keyed digest. */
export async function enterPaperAnswers({ db, user }: Ctx, surveyId: number, input: PaperAnswers): Promise<SurveyResults> {
  const [s] = await db.query<{ unit_id: number; opens_on: string; closes_on: string }>('select unit_id, opens_on, closes_on from surveys where id = $1', [surveyId]);
  if (input.answeredOn < s.opens_on || input.answeredOn > s.closes_on || input.answeredOn > today()) throw new AppError('MOVEMENT_DATE_INVALID', { answeredOn: input.answeredOn });
  const codes = input.answers.map((a) => (a.householdCode ? normaliseHouseholdCode(a.householdCode) : null));
  const given = codes.filter((c): c is string => c !== null);
  if (new Set(given).size !== given.length) throw new AppError('SURVEY_ALREADY_ANSWERED');
  for (const c of given) await assertNotAnswered(db, surveyId, c);
  try {
    await db.tx(async (tx) => {
      const params: unknown[] = [surveyId, input.answeredOn];
      const values = input.answers.map((a, i) => `($1, $2, 'paper', $${params.push(a.rating)}, $${params.push(codes[i] ? householdKey(surveyId, codes[i]!) : null)})`);
      await tx.query(`insert into survey_answers (survey_id, answered_on, channel, rating, household_key) values ${values.join(', ')}`, params);
      await audit(tx, user, {
        action: 'movements.survey.paper',
        entity: 'survey',
        entityId: surveyId,
        unitId: s.unit_id,
        after: { answeredOn: input.answeredOn, answers: input.answers.length },
      });
    });
  } catch (e) {
    if (isDuplicate(e)) throw new AppError('SURVEY_ALREADY_ANSWERED');
    throw e;
  }
  return surveyResults(db, surveyId);
}

async function surveyByCode(db: Db, code: string) {
  const [s] = await db.query<Survey & { open: boolean }>(
    `select ${SURVEY_COLS}, (s.opens_on <= $2::date and $2::date <= s.closes_on) as open from surveys s where s.public_code = $1`,
    [code.toUpperCase(), today()],
  );
  if (!s) throw new AppError('SURVEY_NOT_FOUND');
  return s;
}

export async function publicSurvey(db: Db, code: string): Promise<PublicSurvey> {
  const s = await surveyByCode(db, code);
  return { code: s.publicCode!, unitName: s.unitName, campaign: s.campaign, title: s.title, question: s.question, opensOn: s.opensOn, closesOn: s.closesOn, open: s.open };
}

/**
 * A citizen's answer on the portal, without signing in: one per household code. The answer keeps the
 * day and the rating; the code only as its keyed digest; no address, name or time of day.
 */
export async function answerPublic(db: Db, code: string, input: PublicAnswer): Promise<{ ok: true; answeredOn: string }> {
  const s = await surveyByCode(db, code);
  if (!s.open) throw new AppError('SURVEY_CLOSED');
  const household = normaliseHouseholdCode(input.householdCode);
  await assertNotAnswered(db, s.id, household);
  const answeredOn = today();
  try {
    await db.tx(async (tx) => {
      await tx.query(`insert into survey_answers (survey_id, answered_on, channel, rating, household_key) values ($1, $2, 'public', $3, $4)`, [
        s.id,
        answeredOn,
        input.rating,
        householdKey(s.id, household),
      ]);
      await audit(tx, null, { action: 'movements.survey.answer', entity: 'survey', entityId: s.id, unitId: s.unitId, after: { channel: 'public' } });
    });
  } catch (e) {
    if (isDuplicate(e)) throw new AppError('SURVEY_ALREADY_ANSWERED');
    throw e;
  }
  return { ok: true, answeredOn };
}
