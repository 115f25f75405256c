import type { Role } from '@contract/access';
import type { Db } from '../db/db';
import { hashPassword } from '../platform/auth';
import { importBacGiangHistory, importReform2025 } from '../modules/units/import';
import { unitIdByCode } from '../modules/units/queries';
import { seedDemoVillages } from './villages';
import { seedDemoOrg } from './org';
import { seedDemoFunds } from './fund';
import { seedDemoHouseholds } from './households';
import { seedDemoPetitions } from './petitions';
import { seedDemoTargets } from './targets';
import { refreshStatistics } from '../platform/statistics';
import { seedDemoOversight } from './oversight';
import { seedDemoDirection } from './direction';
import { seedDemoMovements } from './movements';

type DemoAccount = { username: string; displayName: string; role: Role; unit: { code: string; level: string; on: string } | null; description: string };

/** The demo accounts: a stable contract for tests and for people trying the product. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unit: null, description: 'Quản trị hệ thống / administrator' },
  {
    username: 'btt.tinh',
    displayName: 'Ban Thường trực UB MTTQ tỉnh Bắc Ninh',
    role: 'standing_committee',
    unit: { code: '24', level: 'province', on: '2025-07-01' },
    description: 'BTT tỉnh Bắc Ninh / province standing committee',
  },
  {
    username: 'btt.thanhpho',
    displayName: 'Ban Thường trực UB MTTQ thành phố Bắc Giang',
    role: 'standing_committee',
    unit: { code: '213', level: 'district', on: '2024-01-01' },
    description: 'BTT thành phố Bắc Giang (đến 30/06/2025) / city standing committee (ended)',
  },
  {
    username: 'canbo.bacgiang',
    displayName: 'Cán bộ MTTQ phường Bắc Giang',
    role: 'unit_staff',
    unit: { code: '07210', level: 'commune', on: '2025-07-01' },
    description: 'Cán bộ phường Bắc Giang / ward staff',
  },
  {
    username: 'canbo.damai',
    displayName: 'Cán bộ MTTQ phường Đa Mai',
    role: 'unit_staff',
    unit: { code: '07228', level: 'commune', on: '2025-07-01' },
    description: 'Cán bộ phường Đa Mai / ward staff',
  },
  {
    username: 'bancongtac.bacgiang.1',
    displayName: 'Trưởng Ban công tác Mặt trận Tổ dân phố Trần Phú 1',
    role: 'village_head',
    unit: { code: '07213.01', level: 'village', on: '2025-07-01' },
    description: 'Trưởng ban công tác MT / village board head',
  },
  {
    username: 'btt.bacgiang',
    displayName: 'Ban Thường trực UB MTTQ phường Bắc Giang',
    role: 'standing_committee',
    unit: { code: '07210', level: 'commune', on: '2025-07-01' },
    description: 'BTT phường Bắc Giang (duyệt chi) / ward standing committee (approves payments)',
  },
  {
    username: 'ketoan.damai',
    displayName: 'Kế toán quỹ phường Đa Mai',
    role: 'fund_accountant',
    unit: { code: '07228', level: 'commune', on: '2025-07-01' },
    description: 'Kế toán quỹ phường Đa Mai / fund accountant',
  },
  {
    username: 'ketoan.thanhpho',
    displayName: 'Kế toán quỹ thành phố Bắc Giang',
    role: 'fund_accountant',
    unit: { code: '213', level: 'district', on: '2024-01-01' },
    description: 'Kế toán quỹ thành phố (đến 30/06/2025) / city fund accountant (ended)',
  },
  {
    username: 'ketoan.bacgiang',
    displayName: 'Kế toán quỹ phường Bắc Giang',
    role: 'fund_accountant',
    unit: { code: '07210', level: 'commune', on: '2025-07-01' },
    description: 'Kế toán quỹ / fund accountant',
  },
  {
    username: 'lanhdao',
    displayName: 'Lãnh đạo tỉnh Bắc Ninh',
    role: 'leadership',
    unit: { code: '24', level: 'province', on: '2025-07-01' },
    description: 'Lãnh đạo (chỉ xem) / leadership, read-only',
  },
];

/** Loads the seed's world and the real reform, then the demo accounts, in one transaction. */
export async function loadDemo(db: Db, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.tx(async (tx) => {
    await importBacGiangHistory(tx, null);
    await importReform2025(tx, null, { provinceCodes: ['24'] });
    await seedDemoVillages(tx);
    await seedDemoOrg(tx);
    await createDemoUsers(tx, hash);
    // Modules after the accounts: their demo records name who recorded and who approved.
    await seedDemoFunds(tx);
    await seedDemoHouseholds(tx);
    await seedDemoPetitions(tx);
    await seedDemoTargets(tx);
    await seedDemoOversight(tx);
    await seedDemoDirection(tx);
    await seedDemoMovements(tx);
  });
  // Bulk-loaded tables need planner statistics before anyone is served (PGlite has no autovacuum).
  await refreshStatistics(db);
}

async function createDemoUsers(tx: Db, passwordHash: string): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    let unitId: number | null = null;
    if (a.unit) {
      unitId = await unitIdByCode(tx, a.unit.code, a.unit.level, a.unit.on);
      if (!unitId) throw new Error(`demo unit ${a.unit.code} (${a.unit.level}) on ${a.unit.on} is missing`);
    }
    await tx.query(`insert into users (username, display_name, password_hash, role, unit_id) values ($1, $2, $3, $4, $5)`, [
      a.username,
      a.displayName,
      passwordHash,
      a.role,
      unitId,
    ]);
  }
}
