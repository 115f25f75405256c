// `npm run keys:rotate`: re-encrypts the denouncers' identities and the national ID numbers under the
// first key of PETITION_IDENTITY_KEY and HOUSEHOLD_ID_KEY (put the new key first, keep the old ones after
// it, run this, then drop the old ones). Opens the database as the server does (DATABASE_URL, else PGlite
// in DATA_DIR; PGlite's lock refuses a second process, so stop the server first).
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/open';
import { rotateKeys } from '../apps/server/src/modules/keys/rotate';

const db = await openDatabase(loadConfig()).catch((err: Error) => {
  console.error(`Không mở được cơ sở dữ liệu / Cannot open the database: ${err.message}`);
  process.exit(1);
});
try {
  const r = await rotateKeys(db);
  console.log(
    `Đã mã hoá lại / re-encrypted: ${r.petitions} danh tính người kiến nghị / petition identities (khoá / key ${r.petitionKey}), ` +
      `${r.members} số định danh / ID numbers (khoá / key ${r.nationalIdKey}).`,
  );
  if (r.unreadable) {
    console.error(
      `${r.unreadable} giá trị không giải mã được bằng khoá nào đang cấu hình; giữ lại khoá cũ và chạy lại. / ` +
        `${r.unreadable} values open with no configured key: keep the old keys and run again.`,
    );
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`Lỗi / failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
