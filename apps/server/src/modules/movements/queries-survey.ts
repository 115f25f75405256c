import type { Survey } from '@contract/movements';
import type { SurveyRating } from '@contract/movements-values';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { unitNameAt } from './queries';

const SURVEY_COLS = `s.id, s.unit_id as "unitId", ${unitNameAt('s.unit_id', 's.opens_on')} as "unitName", s.campaign, s.title, s.question,
  s.opens_on as "opensOn", s.closes_on as "closesOn", s.public_code as "publicCode"`;

/** The surveys of the unit's subtree running some time in the year. */
export async function listSubtreeSurveys(db: Db, unitId: number, year: number): Promise<Survey[]> {
  return db.query<Survey>(
    `select ${SURVEY_COLS} from surveys s
      where s.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $1 and c.valid_from <= s.opens_on and s.opens_on < c.valid_to)
        and s.opens_on <= make_date($2, 12, 31) and s.closes_on >= make_date($2, 1, 1)
      order by s.opens_on desc, s.id desc limit 500`,
    [unitId, year],
  );
}

export async function insertSurvey(
  db: Db,
  v: { unitId: number; campaign: string; title: string; question: string; opensOn: string; closesOn: string; publicCode: string | null; createdBy: number },
): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(
    `insert into surveys (unit_id, campaign, title, question, opens_on, closes_on, public_code, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [v.unitId, v.campaign, v.title, v.question, v.opensOn, v.closesOn, v.publicCode, v.createdBy],
  );
  return row;
}

export async function findSurvey(db: Db, id: number): Promise<Survey> {
  const [s] = await db.query<Survey>(`select ${SURVEY_COLS} from surveys s where s.id = $1`, [id]);
  return s;
}

export async function findSurveyTitle(db: Db, id: number): Promise<{ title: string } | undefined> {
  const [s] = await db.query<{ title: string }>('select title from surveys where id = $1', [id]);
  return s;
}

export async function findSurveyPeriod(db: Db, id: number): Promise<{ unit_id: number; opens_on: string; closes_on: string }> {
  const [s] = await db.query<{ unit_id: number; opens_on: string; closes_on: string }>('select unit_id, opens_on, closes_on from surveys where id = $1', [id]);
  return s;
}

/** A public survey by its code, and whether it is open today. */
export async function findSurveyByCode(db: Db, code: string): Promise<(Survey & { open: boolean }) | undefined> {
  const [s] = await db.query<Survey & { open: boolean }>(
    `select ${SURVEY_COLS}, (s.opens_on <= $2::date and $2::date <= s.closes_on) as open from surveys s where s.public_code = $1`,
    [code.toUpperCase(), today()],
  );
  return s;
}

/** Answer counts by rating and channel: nothing that tells who answered. */
export async function countAnswers(db: Db, surveyId: number): Promise<Array<{ rating: SurveyRating; channel: 'paper' | 'public'; n: number }>> {
  return db.query<{ rating: SurveyRating; channel: 'paper' | 'public'; n: number }>(
    `select rating, channel, count(*)::int as n from survey_answers where survey_id = $1 group by rating, channel`,
    [surveyId],
  );
}

/** Whether an answer is stored under any of the household's keyed digests. */
export async function hasAnswerByKey(db: Db, surveyId: number, keys: string[]): Promise<boolean> {
  const [hit] = await db.query('select 1 from survey_answers where survey_id = $1 and household_key = any($2::text[])', [surveyId, keys]);
  return !!hit;
}

/** One day's paper forms, in one statement. */
export async function insertPaperAnswers(db: Db, surveyId: number, answeredOn: string, answers: Array<{ rating: SurveyRating; householdKey: string | null }>): Promise<void> {
  const params: unknown[] = [surveyId, answeredOn];
  const values = answers.map((a) => `($1, $2, 'paper', $${params.push(a.rating)}, $${params.push(a.householdKey)})`);
  await db.query(`insert into survey_answers (survey_id, answered_on, channel, rating, household_key) values ${values.join(', ')}`, params);
}

export async function insertPublicAnswer(db: Db, surveyId: number, answeredOn: string, rating: SurveyRating, householdKey: string): Promise<void> {
  await db.query(`insert into survey_answers (survey_id, answered_on, channel, rating, household_key) values ($1, $2, 'public', $3, $4)`, [
    surveyId,
    answeredOn,
    rating,
    householdKey,
  ]);
}
