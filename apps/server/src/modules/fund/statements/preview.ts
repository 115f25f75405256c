// Previewing an upload: every file's first rows and the column mapping the import would use.
import type { StatementPreview } from '@contract/fund-public';
import type { Db } from '../../../db/db';
import { assertUnitAccess, type CurrentUser } from '../../../platform/access';
import { AppError } from '../../../platform/errors';
import { accountRow } from '../queries';
import { readTable, type UploadedFile } from './generic';
import { rememberedFor, suggestMapping } from './mapping';
import { expandZips } from './zip';

const PREVIEW_ROWS = 8;

export async function previewFiles(db: Db, user: CurrentUser, uploaded: UploadedFile[], accountId: number | null): Promise<StatementPreview> {
  if (accountId) {
    // An ended unit's books are read as of its last day (a successor's accountant imports its statements).
    const unitId = (await accountRow(db, accountId)).unit_id;
    const [u] = await db.query<{ last: string | null }>(
      `select case when valid_to = 'infinity' then null else (valid_to - 1)::text end as last from units where id = $1`, [unitId]);
    await assertUnitAccess(db, user, 'fund.write', unitId, u?.last ?? undefined);
  }
  const files: StatementPreview['files'] = [];
  for (const f of await expandZips(uploaded)) {
    const { rows, problem } = await readTable(f);
    if (problem) throw new AppError('IMPORT_INVALID', { problems: [problem] });
    const remembered = accountId ? await rememberedFor(db, accountId, rows) : null;
    const mapping = remembered ?? suggestMapping(rows);
    const start = mapping?.skipRows ?? 0;
    files.push({
      name: f.name, rowCount: Math.max(0, rows.length - start - 1), rows: rows.slice(start, start + PREVIEW_ROWS).map((r) => r.cells),
      mapping, mappingSource: remembered ? 'remembered' : mapping ? 'suggested' : null,
    });
  }
  return { files };
}
