import { z } from 'zod';
import { IdParams } from '@contract/common';
import {
  ActivityQuery, Agency, AgencyQuery, AssignHandler, Conference, CreateAgency, CreateConference, CreateMeeting, CreatePetition,
  CreateReception, CreateSituationPeriod, DeadlineRule, FileSituationReport, Meeting, PetitionActionInput, PetitionDetail, PetitionIdentity,
  PetitionKind, PetitionListQuery, PetitionPage, PetitionReminders, PetitionStats, PublicPetitionCreated, PublicPetitionInput,
  PublicPetitionStatus, Reception, SituationOverview, SituationPeriod, SituationQuery, SituationReport, StatsQuery, TrackingParams,
  UpdateDeadlineRule, CitizenCodeRequest, CitizenCodeSent, MyPetitionsRequest, MyPetitions,
} from '@contract/petitions';
import { myPetitions, requestCode } from '../notify/citizen';
import type { Db } from '../../db/db';
import { ctxOf, type App } from '../../platform/http';
import { AppError } from '../../platform/errors';
import {
  createAgency, createConference, createMeeting, createReception, getRules, listAgencies, listConferences, listMeetings, listReceptions,
  petitionStats, updateRule,
} from './activity-service';
import { exportCsv, publicUnits, PublicUnitsQuery, PublicUnit } from './export';
import { submitPublic, trackPublic } from './public-service';
import { listPetitions } from './queries';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '@contract/petitions';
import type { Upload } from './rules';
import { actOnPetition, addAttachments, assignHandler, createPetition, getPetition, readAttachment, readIdentity } from './service';
import { createPeriod, fileReport, listPeriods, situationOverview } from './situation-service';
import { assertUnitAccess } from '../../platform/access';
import type { FastifyRequest } from 'fastify';

/** Fields and files of a multipart public submission, with the attachment limits enforced while reading. */
async function readMultipart(req: FastifyRequest): Promise<{ fields: Record<string, string>; files: Upload[] }> {
  const fields: Record<string, string> = {};
  const files: Upload[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: ATTACHMENT_MAX_FILES, fields: 20, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new AppError('PETITION_ATTACHMENT_SIZE');
        if (data.length) files.push({ filename: part.filename, declaredType: part.mimetype, data });
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (/FILE_TOO_LARGE|FILES_LIMIT|FIELDS_LIMIT|PARTS_LIMIT/.test(code)) throw new AppError('PETITION_ATTACHMENT_SIZE');
    throw e;
  }
  return { fields, files };
}

const noEmpty = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== ''));

/** Citizens' voice: public intake and tracking, and the signed-in work on petitions and reports. */
export async function petitionRoutes(app: App, db: Db): Promise<void> {
  const tags = ['petitions'];

  // ---- public (no account) ----
  app.post('/api/public/petitions', { schema: { tags, response: { 200: PublicPetitionCreated } } }, async (req) => {
    if (req.isMultipart()) {
      const { fields, files } = await readMultipart(req);
      const made = await submitPublic(db, PublicPetitionInput.parse(noEmpty(fields)), req.ip, files);
      app.notify.kick();
      return made;
    }
    const made = await submitPublic(db, PublicPetitionInput.parse(req.body ?? {}), req.ip);
    app.notify.kick();
    return made;
  });
  app.get('/api/public/petitions/:trackingCode', { schema: { tags, params: TrackingParams, response: { 200: PublicPetitionStatus } } },
    async (req) => trackPublic(db, req.params.trackingCode));
  app.post('/api/public/my-petitions/code', { schema: { tags, body: CitizenCodeRequest, response: { 200: CitizenCodeSent } } },
    async (req) => {
      const sent = await requestCode(db, req.body.contact);
      app.notify.kick();
      return sent;
    });
  app.post('/api/public/my-petitions', { schema: { tags, body: MyPetitionsRequest, response: { 200: MyPetitions } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return myPetitions(db, req.body.contact, req.body.code);
    });
  app.get('/api/public/petition-units', { schema: { tags, querystring: PublicUnitsQuery, response: { 200: z.array(PublicUnit) } } },
    async (req) => publicUnits(db, req.query));

  // ---- petitions ----
  app.get('/api/petitions', { schema: { tags, querystring: PetitionListQuery, response: { 200: PetitionPage } } },
    async (req) => {
      const ctx = ctxOf(db, req);
      if (req.query.unit) await assertUnitAccess(db, ctx.user, 'petition.read', req.query.unit);
      else if (!ctx.user.unitId && ctx.user.role !== 'admin') throw new AppError('FORBIDDEN');
      return listPetitions(db, ctx.user, req.query);
    });
  app.get('/api/petitions/export.csv', { schema: { tags, querystring: PetitionListQuery } }, async (req, reply) => {
    const csv = await exportCsv(ctxOf(db, req), req.query);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kien-nghi.csv"').send(csv);
  });
  app.get('/api/petitions/reminders', { schema: { tags, response: { 200: PetitionReminders } } }, async (req) => {
    const ctx = ctxOf(db, req);
    if (ctx.user.role !== 'admin') await assertUnitAccess(db, ctx.user, 'petition.read', ctx.user.unitId!);
    const [overdue, soon] = await Promise.all([
      listPetitions(db, ctx.user, PetitionListQuery.parse({ overdue: true, limit: 1 })),
      listPetitions(db, ctx.user, PetitionListQuery.parse({ dueWithin: 3, limit: 1 })),
    ]);
    return { overdue: overdue.total, dueSoon: soon.total };
  });
  app.get('/api/petitions/stats', { schema: { tags, querystring: StatsQuery, response: { 200: PetitionStats } } },
    async (req) => petitionStats(ctxOf(db, req), req.query));
  app.post('/api/petitions', { schema: { tags, body: CreatePetition, response: { 200: PetitionDetail } } },
    async (req) => createPetition(ctxOf(db, req), req.body));
  app.get('/api/petitions/:id', { schema: { tags, params: IdParams, response: { 200: PetitionDetail } } },
    async (req) => getPetition(ctxOf(db, req), req.params.id));
  app.post('/api/petitions/:id/actions', { schema: { tags, params: IdParams, body: PetitionActionInput, response: { 200: PetitionDetail } } },
    async (req) => actOnPetition(ctxOf(db, req), req.params.id, req.body));
  app.post('/api/petitions/:id/handler', { schema: { tags, params: IdParams, body: AssignHandler, response: { 200: PetitionDetail } } },
    async (req) => assignHandler(ctxOf(db, req), req.params.id, req.body.handlerId));
  app.get('/api/petitions/:id/identity', { schema: { tags, params: IdParams, response: { 200: PetitionIdentity } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return readIdentity(ctxOf(db, req), req.params.id);
    });
  app.post('/api/petitions/:id/attachments', { schema: { tags, params: IdParams, response: { 200: PetitionDetail } } }, async (req) => {
    const ctx = ctxOf(db, req);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA');
    const { fields, files } = await readMultipart(req);
    return addAttachments(ctx, req.params.id, fields.purpose === 'petition' ? 'petition' : 'answer', files);
  });
  app.get('/api/petitions/:id/attachments/:attachmentId',
    { schema: { tags, params: IdParams.extend({ attachmentId: z.coerce.number().int().positive() }) } }, async (req, reply) => {
      const a = await readAttachment(ctxOf(db, req), req.params.id, req.params.attachmentId);
      return reply.header('content-type', a.mime).header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(a.filename)}"`).send(a.data);
    });

  // ---- reception, voter meetings, conferences, agencies, rules ----
  app.get('/api/petition-receptions', { schema: { tags, querystring: ActivityQuery, response: { 200: z.array(Reception) } } },
    async (req) => listReceptions(ctxOf(db, req), req.query));
  app.post('/api/petition-receptions', { schema: { tags, body: CreateReception, response: { 200: Reception } } },
    async (req) => createReception(ctxOf(db, req), req.body));
  app.get('/api/voter-meetings', { schema: { tags, querystring: ActivityQuery, response: { 200: z.array(Meeting) } } },
    async (req) => listMeetings(ctxOf(db, req), req.query));
  app.post('/api/voter-meetings', { schema: { tags, body: CreateMeeting, response: { 200: Meeting } } },
    async (req) => createMeeting(ctxOf(db, req), req.body));
  app.get('/api/petition-conferences', { schema: { tags, querystring: ActivityQuery, response: { 200: z.array(Conference) } } },
    async (req) => listConferences(ctxOf(db, req), req.query));
  app.post('/api/petition-conferences', { schema: { tags, body: CreateConference, response: { 200: Conference } } },
    async (req) => createConference(ctxOf(db, req), req.body));
  app.get('/api/petition-agencies', { schema: { tags, querystring: AgencyQuery, response: { 200: z.array(Agency) } } },
    async (req) => listAgencies(ctxOf(db, req), req.query.unit));
  app.post('/api/petition-agencies', { schema: { tags, body: CreateAgency, response: { 200: Agency } } },
    async (req) => createAgency(ctxOf(db, req), req.body));
  app.get('/api/petition-rules', { schema: { tags, response: { 200: z.array(DeadlineRule) } } }, async (req) => getRules(ctxOf(db, req)));
  app.put('/api/petition-rules/:kind', { schema: { tags, params: z.object({ kind: PetitionKind }), body: UpdateDeadlineRule, response: { 200: DeadlineRule } } },
    async (req) => updateRule(ctxOf(db, req), req.params.kind, req.body));

  // ---- people's situation reports ----
  app.get('/api/situation-reports', { schema: { tags, querystring: SituationQuery, response: { 200: SituationOverview } } },
    async (req) => situationOverview(ctxOf(db, req), req.query));
  app.post('/api/situation-reports', { schema: { tags, body: FileSituationReport, response: { 200: SituationReport } } },
    async (req) => fileReport(ctxOf(db, req), req.body));
  app.get('/api/situation-periods', { schema: { tags, querystring: AgencyQuery, response: { 200: z.array(SituationPeriod) } } },
    async (req) => {
      const ctx = ctxOf(db, req);
      await assertUnitAccess(db, ctx.user, 'petition.read', req.query.unit);
      return listPeriods(db, req.query.unit);
    });
  app.post('/api/situation-periods', { schema: { tags, body: CreateSituationPeriod, response: { 200: SituationPeriod } } },
    async (req) => createPeriod(ctxOf(db, req), req.body));
}
