import { z } from 'zod';
import { IdParams } from '../common';
import {
  AnswerAccepted,
  Channel,
  CreateChannel,
  CreateEstablishment,
  CreateModel,
  CreateMovementActivity,
  CreateReligionActivity,
  CreateSurvey,
  CultureOverview,
  Establishment,
  FlagQuery,
  FlagSheet,
  Festival,
  Holiday,
  Model,
  ModelQuery,
  PaperAnswers,
  PropagandaOverview,
  PublicAnswer,
  PublicSurvey,
  RecogniseModel,
  RecordConvention,
  RecordFestival,
  RecordFlags,
  RecordOutput,
  RecordTitle,
  RecordVillageYear,
  ReligionActivity,
  Saved,
  SolidarityOverview,
  Survey,
  SurveyCodeParams,
  SurveyResults,
  UnitYearQuery,
} from '../movements';
import { PUBLIC, atBody, atQuery, atRecord, defineEndpoints } from '../endpoint';

/** Movements and community; a public survey form per survey code. */
export const movementsEndpoints = defineEndpoints('movements', {
  'GET /api/movements/propaganda': { query: UnitYearQuery, response: PropagandaOverview, access: atQuery('movement.read') },
  'POST /api/movements/channels': { body: CreateChannel, response: Channel, access: atBody('movement.write', 'unitId', 'validFrom') },
  'POST /api/movements/outputs': { body: RecordOutput, response: Saved, access: atBody('movement.write', 'unitId', 'periodTo') },

  'GET /api/movements/religion/establishments': { query: UnitYearQuery, response: z.array(Establishment), access: atQuery('movement.read') },
  'POST /api/movements/religion/establishments': { body: CreateEstablishment, response: Establishment, access: atBody('movement.write', 'unitId', 'validFrom') },
  'POST /api/movements/religion/activities': { body: CreateReligionActivity, response: ReligionActivity, access: atBody('movement.write', 'unitId', 'heldOn') },
  'GET /api/movements/religion/holidays': { query: UnitYearQuery, response: z.array(Holiday), access: atQuery('movement.read') },
  'GET /api/movements/religion/flags': { query: FlagQuery, response: FlagSheet, access: atQuery('movement.read') },
  'POST /api/movements/religion/flags': { body: RecordFlags, response: FlagSheet, access: atBody('movement.write') },

  'GET /api/movements/solidarity': { query: UnitYearQuery, response: SolidarityOverview, access: atQuery('movement.read') },
  'POST /api/movements/solidarity': { body: RecordFestival, response: Festival, access: atBody('movement.write', 'unitId', 'heldOn') },

  'GET /api/movements/culture': { query: UnitYearQuery, response: CultureOverview, access: atQuery('movement.read') },
  'POST /api/movements/culture/years': { body: RecordVillageYear, response: Saved, access: atBody('movement.write', 'unitId', 'assessedOn') },
  'POST /api/movements/culture/titles': { body: RecordTitle, response: Saved, access: atBody('movement.write', 'unitId', 'recognisedOn') },
  'POST /api/movements/culture/conventions': { body: RecordConvention, response: Saved, access: atBody('movement.write', 'unitId', 'approvedOn') },

  'GET /api/movements/surveys': { query: UnitYearQuery, response: z.array(Survey), access: atQuery('movement.read') },
  'POST /api/movements/surveys': { body: CreateSurvey, response: Survey, access: atBody('movement.write', 'unitId', 'opensOn') },
  'GET /api/movements/surveys/:id/results': { params: IdParams, response: SurveyResults, access: atRecord('movement.read', 'survey') },
  'POST /api/movements/surveys/:id/paper': { params: IdParams, body: PaperAnswers, response: SurveyResults, access: atRecord('movement.write', 'survey') },
  'GET /api/public/surveys/:code': { params: SurveyCodeParams, response: PublicSurvey, access: PUBLIC },
  'POST /api/public/surveys/:code/answers': { params: SurveyCodeParams, body: PublicAnswer, response: AnswerAccepted, access: PUBLIC },

  'GET /api/movements/models': { query: ModelQuery, response: z.array(Model), access: atQuery('movement.read') },
  'POST /api/movements/models': { body: CreateModel, response: Model, access: atBody('movement.write', 'unitId', 'startedOn') },
  'POST /api/movements/models/:id/recognise': { params: IdParams, body: RecogniseModel, response: Model, access: atRecord('movement.write', 'movement_model') },
  'POST /api/movements/activities': { body: CreateMovementActivity, response: Saved, access: atBody('movement.write', 'unitId', 'heldOn') },
});
