// Previewing an upload: every file's first rows and the column mapping the import would use.
import type { StatementPreview } from '@contract/fund-public';
import type { Ctx } from '../../../platform/access';
import { AppError } from '../../../platform/errors';
import { readTable, type UploadedFile } from './generic';
import { rememberedFor, suggestMapping } from './mapping';
import { expandZips } from './zip';

const PREVIEW_ROWS = 8;

/** The account's unit was checked by the registrar (an ended unit's as of its last day). */
export async function previewFiles({ db }: Ctx, input: { files: UploadedFile[]; accountId: number | null }): Promise<StatementPreview> {
  const { files: uploaded, accountId } = input;
  const files: StatementPreview['files'] = [];
  for (const f of await expandZips(uploaded)) {
    const { rows, problem } = await readTable(f);
    if (problem) throw new AppError('IMPORT_INVALID', { problems: [problem] });
    const remembered = accountId ? await rememberedFor(db, accountId, rows) : null;
    const mapping = remembered ?? suggestMapping(rows);
    const start = mapping?.skipRows ?? 0;
    files.push({
      name: f.name,
      rowCount: Math.max(0, rows.length - start - 1),
      rows: rows.slice(start, start + PREVIEW_ROWS).map((r) => r.cells),
      mapping,
      mappingSource: remembered ? 'remembered' : mapping ? 'suggested' : null,
    });
  }
  return { files };
}
