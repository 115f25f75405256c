import crypto from 'node:crypto';
import type { CreateSurvey, PaperAnswers, PublicAnswer, PublicSurvey, Survey, SurveyResults } from '@contract/movements';
import { CreateSurvey as CreateSurveySchema, SATISFIED, SURVEY_RATINGS } from '@contract/movements';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertFact, normaliseHouseholdCode, surveyRate } from './rules';
import { householdKey, householdKeys } from './survey-key';
import {
  countAnswers,
  findSurvey,
  findSurveyByCode,
  findSurveyPeriod,
  findSurveyTitle,
  hasAnswerByKey,
  insertPaperAnswers,
  insertPublicAnswer,
  insertSurvey,
  listSubtreeSurveys,
} from './queries-survey';

// Codes people type from a paper invitation: no 0/O, 1/I/L.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');

export async function listSurveys({ db }: Ctx, unitId: number, year: number): Promise<Survey[]> {
  return listSubtreeSurveys(db, unitId, year);
}

export async function createSurvey({ db, user }: Ctx, raw: CreateSurvey): Promise<Survey> {
  const input = CreateSurveySchema.parse(raw);
  if (input.closesOn < input.opensOn) throw new AppError('MOVEMENT_DATE_INVALID', { closesOn: input.closesOn });
  await assertFact(db, input.unitId, input.opensOn < today() ? input.opensOn : today());
  return db.tx(async (tx) => {
    const row = await insertSurvey(tx, { ...input, publicCode: input.public ? newCode() : null, createdBy: user.id });
    await audit(tx, user, { action: 'movements.survey.create', entity: 'survey', entityId: row.id, unitId: input.unitId, after: input });
    return findSurvey(tx, row.id);
  });
}

/** Counts only: by rating and by channel; nothing that tells who answered. */
export async function surveyResults(db: Db, surveyId: number): Promise<SurveyResults> {
  const s = await findSurveyTitle(db, surveyId);
  if (!s) throw new AppError('NOT_FOUND');
  const rows = await countAnswers(db, surveyId);
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
  if (await hasAnswerByKey(db, surveyId, householdKeys(surveyId, code))) throw new AppError('SURVEY_ALREADY_ANSWERED');
}

/** An officer types in the paper forms of a day; a household code, when the form has one, is kept only as its keyed digest. */
export async function enterPaperAnswers({ db, user }: Ctx, surveyId: number, input: PaperAnswers): Promise<SurveyResults> {
  const s = await findSurveyPeriod(db, surveyId);
  if (input.answeredOn < s.opens_on || input.answeredOn > s.closes_on || input.answeredOn > today()) throw new AppError('MOVEMENT_DATE_INVALID', { answeredOn: input.answeredOn });
  const codes = input.answers.map((a) => (a.householdCode ? normaliseHouseholdCode(a.householdCode) : null));
  const given = codes.filter((c): c is string => c !== null);
  if (new Set(given).size !== given.length) throw new AppError('SURVEY_ALREADY_ANSWERED');
  for (const c of given) await assertNotAnswered(db, surveyId, c);
  try {
    await db.tx(async (tx) => {
      const answers = input.answers.map((a, i) => ({ rating: a.rating, householdKey: codes[i] ? householdKey(surveyId, codes[i]!) : null }));
      await insertPaperAnswers(tx, surveyId, input.answeredOn, answers);
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
  const s = await findSurveyByCode(db, code);
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
      await insertPublicAnswer(tx, s.id, answeredOn, input.rating, householdKey(s.id, household));
      await audit(tx, null, { action: 'movements.survey.answer', entity: 'survey', entityId: s.id, unitId: s.unitId, after: { channel: 'public' } });
    });
  } catch (e) {
    if (isDuplicate(e)) throw new AppError('SURVEY_ALREADY_ANSWERED');
    throw e;
  }
  return { ok: true, answeredOn };
}
