// `npm run db:app-role -- <role>`: on a PostgreSQL server, creates (or updates) the role the application
// connects as, owning nothing (apps/server/src/db/app-role.ts). Connects as the owner: MIGRATION_DATABASE_URL,
// else DATABASE_URL; APP_DB_PASSWORD sets the role's password. Then run the server with DATABASE_URL as
// that role and MIGRATION_DATABASE_URL as the owner.
import { openPostgres } from '../apps/server/src/db/db';
import { grantAppRole } from '../apps/server/src/db/app-role';

const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
const role = process.argv[2] ?? 'doanket_app';
if (!url) {
  console.error("Cần MIGRATION_DATABASE_URL hoặc DATABASE_URL (chủ sở hữu các bảng) / set the owner's database URL");
  process.exit(1);
}
const db = await openPostgres(url);
try {
  await grantAppRole(db, role, process.env.APP_DB_PASSWORD);
  console.log(`Vai trò ${role} đã sẵn sàng / role ${role} is ready (no ownership, append-only tables read/insert only).`);
} catch (err) {
  console.error(`Lỗi / failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
