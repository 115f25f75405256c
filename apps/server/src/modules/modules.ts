// Every module that declares itself with defineModule, once. Order matters only for the demo data.
import type { ModuleDef } from '../platform/module';
import { petitionsModule } from './petitions/module';
import { securityModule } from './security/module';
import { oversightModule } from './oversight/module';
import { movementsModule } from './movements/module';
import { directionModule } from './direction/module';
import { citizensModule } from './citizens/module';
import { auditModule } from './audit/module';
import { systemModule } from './system/module';
import { authModule } from './auth/module';
import { unitsModule } from './units/module';
import { orgModule } from './org/module';
import { usersModule } from './users/module';
import { metricsModule } from './metrics/module';
import { fundModule } from './fund/module';
import { householdsModule } from './households/module';
import { reportsModule } from './reports/module';
import { targetsModule } from './targets/module';

export const MODULES: ModuleDef[] = [
  petitionsModule,
  securityModule,
  oversightModule,
  movementsModule,
  directionModule,
  citizensModule,
  auditModule,
  systemModule,
  authModule,
  unitsModule,
  orgModule,
  usersModule,
  metricsModule,
  fundModule,
  householdsModule,
  reportsModule,
  targetsModule,
];
