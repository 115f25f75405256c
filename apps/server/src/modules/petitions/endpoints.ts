import { PetitionListQuery } from '@contract/petitions';
import { petitionEndpoints } from '@contract/endpoints/petitions';
import { bind } from '../../platform/endpoints';
import {
  createAgency,
  createConference,
  createMeeting,
  createReception,
  getRules,
  listAgencies,
  listConferences,
  listMeetings,
  listReceptions,
  petitionStats,
  updateRule,
} from './activity-service';
import { exportCsv, publicUnits } from './export';
import { submitPublic, trackPublic } from './public-service';
import { myPetitions, requestCode } from '../notify/citizen';
import { listPetitions } from './queries';
import { actOnPetition, addAttachments, assignHandler, createPetition, getPetition, readAttachment, readIdentity } from './service';
import { listPeriods } from './queries-situation';
import { createPeriod, fileReport, situationOverview } from './situation-service';

/** The petitions module's handlers: one line each; access was checked by the registrar from the table. */
export const petitionHandlers = bind(petitionEndpoints, {
  'POST /api/public/petitions': async (ctx, { body, files }, { req }) => {
    const made = await submitPublic(ctx.db, body, req.ip, files);
    req.server.notify.kick();
    return made;
  },
  'POST /api/public/my-petitions/code': async (ctx, { body }, { req }) => {
    const sent = await requestCode(ctx.db, body.contact);
    req.server.notify.kick();
    return sent;
  },
  'POST /api/public/my-petitions': (ctx, { body }, { reply }) => {
    reply.header('cache-control', 'no-store');
    return myPetitions(ctx.db, body.contact, body.code);
  },
  'GET /api/public/petitions/:trackingCode': (ctx, { params }) => trackPublic(ctx.db, params.trackingCode),
  'GET /api/public/petition-units': (ctx, { query }) => publicUnits(ctx.db, query),

  'GET /api/petitions': (ctx, { query }) => listPetitions(ctx.db, ctx.user, query),
  'GET /api/petitions/export.csv': async (ctx, { query }, { reply }) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="kien-nghi.csv"')
      .send(await exportCsv(ctx, query)),
  'GET /api/petitions/reminders': async (ctx) => {
    const [overdue, soon] = await Promise.all([
      listPetitions(ctx.db, ctx.user, PetitionListQuery.parse({ overdue: true, limit: 1 })),
      listPetitions(ctx.db, ctx.user, PetitionListQuery.parse({ dueWithin: 3, limit: 1 })),
    ]);
    return { overdue: overdue.total, dueSoon: soon.total };
  },
  'GET /api/petitions/stats': (ctx, { query }) => petitionStats(ctx, query),
  'POST /api/petitions': (ctx, { body }) => createPetition(ctx, body),
  'GET /api/petitions/:id': (ctx, { params }) => getPetition(ctx, params.id),
  'POST /api/petitions/:id/actions': (ctx, { params, body }) => actOnPetition(ctx, params.id, body),
  'POST /api/petitions/:id/handler': (ctx, { params, body }) => assignHandler(ctx, params.id, body.handlerId),
  'GET /api/petitions/:id/identity': (ctx, { params }, { reply }) => {
    reply.header('cache-control', 'no-store');
    return readIdentity(ctx, params.id);
  },
  'POST /api/petitions/:id/attachments': (ctx, { params, body, files }) => addAttachments(ctx, params.id, body.purpose, files),
  'GET /api/petitions/:id/attachments/:attachmentId': async (ctx, { params }, { reply }) => {
    const a = await readAttachment(ctx, params.id, params.attachmentId);
    return reply
      .header('content-type', a.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(a.filename)}"`)
      .send(a.data);
  },

  'GET /api/petition-receptions': (ctx, { query }) => listReceptions(ctx, query),
  'POST /api/petition-receptions': (ctx, { body }) => createReception(ctx, body),
  'GET /api/voter-meetings': (ctx, { query }) => listMeetings(ctx, query),
  'POST /api/voter-meetings': (ctx, { body }) => createMeeting(ctx, body),
  'GET /api/petition-conferences': (ctx, { query }) => listConferences(ctx, query),
  'POST /api/petition-conferences': (ctx, { body }) => createConference(ctx, body),
  'GET /api/petition-agencies': (ctx, { query }) => listAgencies(ctx, query.unit),
  'POST /api/petition-agencies': (ctx, { body }) => createAgency(ctx, body),
  'GET /api/petition-rules': (ctx) => getRules(ctx),
  'PUT /api/petition-rules/:kind': (ctx, { params, body }) => updateRule(ctx, params.kind, body),

  'GET /api/situation-reports': (ctx, { query }) => situationOverview(ctx, query),
  'POST /api/situation-reports': (ctx, { body }) => fileReport(ctx, body),
  'GET /api/situation-periods': (ctx, { query }) => listPeriods(ctx.db, query.unit),
  'POST /api/situation-periods': (ctx, { body }) => createPeriod(ctx, body),
});
