import { z } from 'zod';
import { IdParams } from '../common';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '../petitions-values';
import {
  ActivityQuery,
  Agency,
  AgencyQuery,
  AssignHandler,
  AttachmentParams,
  Conference,
  CreateAgency,
  CreateConference,
  CreateMeeting,
  CreatePetition,
  CreateReception,
  CreateSituationPeriod,
  DeadlineRule,
  FileSituationReport,
  KindParams,
  Meeting,
  PetitionActionInput,
  PetitionDetail,
  PetitionIdentity,
  PetitionListQuery,
  PetitionPage,
  PetitionReminders,
  PetitionStats,
  PublicPetitionCreated,
  PublicPetitionInput,
  PublicPetitionStatus,
  PublicUnit,
  PublicUnitsQuery,
  Reception,
  SituationOverview,
  SituationPeriod,
  SituationQuery,
  SituationReport,
  StatsQuery,
  TrackingParams,
  UpdateDeadlineRule,
  CitizenCodeRequest,
  CitizenCodeSent,
  MyPetitionsRequest,
  MyPetitions,
} from '../petitions';
import { PUBLIC, anyUnit, atBody, atOwnUnit, atQuery, atRecord, defineEndpoints } from '../endpoint';

const attachments = { maxFiles: ATTACHMENT_MAX_FILES, maxFileBytes: ATTACHMENT_MAX_BYTES, tooLarge: 'PETITION_ATTACHMENT_SIZE' } as const;

/** Citizens' voice: public intake and tracking, petitions, reception, voter meetings, situation reports. */
export const petitionEndpoints = defineEndpoints('petitions', {
  // ---- public (no account) ----
  'POST /api/public/petitions': { body: PublicPetitionInput, response: PublicPetitionCreated, access: PUBLIC, multipart: { mode: 'optional', ...attachments } },
  'GET /api/public/petitions/:trackingCode': { params: TrackingParams, response: PublicPetitionStatus, access: PUBLIC, readReplica: true },
  'POST /api/public/my-petitions/code': { body: CitizenCodeRequest, response: CitizenCodeSent, access: PUBLIC },
  'POST /api/public/my-petitions': { body: MyPetitionsRequest, response: MyPetitions, access: PUBLIC },
  'GET /api/public/petition-units': { query: PublicUnitsQuery, response: z.array(PublicUnit), access: PUBLIC, readReplica: true },

  // ---- petitions ----
  // Without `unit` the list covers the user's whole scope: the permission is checked at their own unit.
  'GET /api/petitions': { query: PetitionListQuery, response: PetitionPage, access: atQuery('petition.read', 'unit', { optional: true }) },
  'GET /api/petitions/export.csv': { query: PetitionListQuery, access: atQuery('petition.read', 'unit', { optional: true }) },
  'GET /api/petitions/reminders': { response: PetitionReminders, access: atOwnUnit('petition.read') },
  'GET /api/petitions/stats': { query: StatsQuery, response: PetitionStats, access: atQuery('petition.read') },
  'POST /api/petitions': { body: CreatePetition, response: PetitionDetail, access: atBody('petition.write', 'unitId', 'receivedOn') },
  'GET /api/petitions/:id': { params: IdParams, response: PetitionDetail, access: atRecord('petition.read', 'petition') },
  'POST /api/petitions/:id/actions': { params: IdParams, body: PetitionActionInput, response: PetitionDetail, access: atRecord('petition.write', 'petition') },
  'POST /api/petitions/:id/handler': { params: IdParams, body: AssignHandler, response: PetitionDetail, access: atRecord('petition.write', 'petition') },
  // A denouncer's identity further needs petition.identity at the petition's unit (checked by the service).
  'GET /api/petitions/:id/identity': { params: IdParams, response: PetitionIdentity, access: atRecord('petition.read', 'petition') },
  'POST /api/petitions/:id/attachments': {
    params: IdParams,
    body: z.object({ purpose: z.enum(['petition', 'answer']).catch('answer') }),
    response: PetitionDetail,
    access: atRecord('petition.write', 'petition'),
    multipart: { mode: 'required', ...attachments },
  },
  'GET /api/petitions/:id/attachments/:attachmentId': { params: AttachmentParams, access: atRecord('petition.read', 'petition') },

  // ---- reception, voter meetings, conferences, agencies, rules ----
  'GET /api/petition-receptions': { query: ActivityQuery, response: z.array(Reception), access: atQuery('petition.read') },
  'POST /api/petition-receptions': { body: CreateReception, response: Reception, access: atBody('petition.write', 'unitId', 'heldOn') },
  'GET /api/voter-meetings': { query: ActivityQuery, response: z.array(Meeting), access: atQuery('petition.read') },
  'POST /api/voter-meetings': { body: CreateMeeting, response: Meeting, access: atBody('petition.write', 'unitId', 'heldOn') },
  'GET /api/petition-conferences': { query: ActivityQuery, response: z.array(Conference), access: atQuery('petition.read') },
  'POST /api/petition-conferences': { body: CreateConference, response: Conference, access: atBody('petition.write', 'unitId', 'heldOn') },
  'GET /api/petition-agencies': { query: AgencyQuery, response: z.array(Agency), access: atQuery('petition.read') },
  'POST /api/petition-agencies': { body: CreateAgency, response: Agency, access: atBody('petition.write') },
  'GET /api/petition-rules': { response: z.array(DeadlineRule), access: anyUnit('petition.read') },
  'PUT /api/petition-rules/:kind': { params: KindParams, body: UpdateDeadlineRule, response: DeadlineRule, access: anyUnit('unit.manage') },

  // ---- people's situation reports ----
  'GET /api/situation-reports': { query: SituationQuery, response: SituationOverview, access: atQuery('petition.read') },
  'POST /api/situation-reports': { body: FileSituationReport, response: SituationReport, access: atBody('petition.write', 'unitId', 'filedOn') },
  'GET /api/situation-periods': { query: AgencyQuery, response: z.array(SituationPeriod), access: atQuery('petition.read') },
  'POST /api/situation-periods': { body: CreateSituationPeriod, response: SituationPeriod, access: atBody('petition.write', 'unitId', 'startsOn') },
});
