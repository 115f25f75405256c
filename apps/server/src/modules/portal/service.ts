import type { WardPage } from '@contract/portal';
import type { Db } from '../../db/db';
import { today } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { unitForCode } from '../petitions/public-service';
import { publicReports } from '../reports/service';
import { standingCommittee, wardByCode, wardCampaigns } from './queries';

/** A ward's public page by its official code; an ended ward answers with its successor (like the petition form). */
export async function wardPage(db: Db, code: string): Promise<WardPage> {
  const on = today();
  const u = await wardByCode(db, code, on);
  if (!u) {
    await unitForCode(db, code, on); // throws the ended-unit or unknown-code error with the successor's name
    throw new AppError('PETITION_UNIT_UNKNOWN', { unitCode: code });
  }
  const [committee, campaigns, reports] = [await standingCommittee(db, u.id, on), await wardCampaigns(db, u.id, on), await publicReports({ db }, { unit: u.id })];
  return { code, name: u.name, parentName: u.parent_name, committee, campaigns, reports };
}
