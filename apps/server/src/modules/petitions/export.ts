import { compareUnitNames } from '@contract/vn-collate';
import type { z } from 'zod';
import {
  PETITION_CHANNEL_LABELS,
  PETITION_FIELD_LABELS,
  PETITION_KIND_LABELS,
  PETITION_STATE_LABELS,
  type PetitionListQuery,
  type PublicUnit,
  type PublicUnitsQuery,
} from '@contract/petitions';
import type { Db } from '../../db/db';
import { today, type Ctx } from '../../platform/access';
import { normalizeVn } from '../../platform/vn-text';
import { listPetitions } from './queries';
import { listPublicUnits } from './queries-public';
import { csvCell } from '../../platform/csv';

/** The petition list as CSV (Excel opens it with Vietnamese intact). Never the petitioner's identity. */
export async function exportCsv({ db, user }: Ctx, q: PetitionListQuery): Promise<string> {
  const page = await listPetitions(db, user, { ...q, limit: 200, offset: 0 });
  let items = page.items;
  for (let offset = 200; offset < Math.min(page.total, 20_000); offset += 200) {
    items = items.concat((await listPetitions(db, user, { ...q, limit: 200, offset })).items);
  }
  const head = ['Mã theo dõi', 'Đơn vị', 'Ngày tiếp nhận', 'Loại', 'Kênh', 'Lĩnh vực', 'Tiêu đề', 'Trạng thái', 'Hạn xử lý', 'Quá hạn', 'Người xử lý', 'Cơ quan giải quyết'];
  const lines = items.map((p) =>
    [
      p.trackingCode,
      p.unitName,
      p.receivedOn,
      PETITION_KIND_LABELS[p.kind].vi,
      PETITION_CHANNEL_LABELS[p.channel].vi,
      PETITION_FIELD_LABELS[p.field]?.vi ?? p.field,
      p.title,
      PETITION_STATE_LABELS[p.state].vi,
      p.dueOn ?? '',
      p.overdue ? 'Có' : '',
      p.handlerName ?? '',
      p.agencyName ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return '\uFEFF' + [head.join(','), ...lines].join('\r\n') + '\r\n';
}

/** How many wards and communes the picker lists at most (a province has about 100; the country 3,321). */
export const PUBLIC_UNITS_MAX = 400;

/** Wards and communes a citizen can address today, found by name (with or without diacritics) or code, in Vietnamese order. */
export async function publicUnits(db: Db, q: z.infer<typeof PublicUnitsQuery>): Promise<PublicUnit[]> {
  const term = q.q ? normalizeVn(q.q) : '';
  const rows = await listPublicUnits(db, today(), term, q.q ?? '', PUBLIC_UNITS_MAX);
  // A unit being created has no name version until its transaction commits: it is not offered yet.
  return rows.filter((r): r is PublicUnit => r.name !== null).sort((a, b) => compareUnitNames(a.name, b.name));
}
