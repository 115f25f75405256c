import type { Db } from '../../db/db';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { identityKeys, resealIdentity } from '../petitions/identity';
import { nationalIdKeyIdOf, nationalIdKeys, openNationalId, sealNationalId } from '../households/crypto';
import { listSealedIdentities, listSealedNationalIds, updateMemberNationalId, updatePetitionIdentity } from './queries';

const BATCH = 1000;

/**
 * Re-encrypts every sealed value not under the current key (the first of PETITION_IDENTITY_KEY and of
 * HOUSEHOLD_ID_KEY): denouncers' identities and national ID numbers with their match digests. Works in
 * batches, each its own transaction, and can be run again after an interruption (values already under the
 * current key are skipped). Afterwards the old keys can be removed from the settings.
 */
export async function rotateKeys(db: Db): Promise<{ petitions: number; members: number; unreadable: number; petitionKey: string; nationalIdKey: string }> {
  let petitions = 0;
  let members = 0;
  // Values no configured key opens are left as they are and counted (an old key is missing from the settings).
  let unreadable = 0;
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof AppError && e.code === 'KEY_MISSING') return void unreadable++;
      throw e;
    }
  };
  for (let after = 0; ;) {
    const rows = await listSealedIdentities(db, after, BATCH);
    if (!rows.length) break;
    await db.tx(async (tx) => {
      for (const r of rows) {
        const sealed = attempt(() => resealIdentity(r.identity_enc));
        if (!sealed) continue;
        await updatePetitionIdentity(tx, r.id, sealed);
        petitions++;
      }
    });
    after = rows[rows.length - 1].id;
  }
  const current = nationalIdKeys().current.id;
  for (let after = 0; ;) {
    const rows = await listSealedNationalIds(db, after, BATCH);
    if (!rows.length) break;
    await db.tx(async (tx) => {
      for (const r of rows) {
        if (nationalIdKeyIdOf(r.national_id_enc) === current) continue;
        const s = attempt(() => sealNationalId(openNationalId(r.national_id_enc)));
        if (!s) continue;
        await updateMemberNationalId(tx, r.id, s.enc, s.digest);
        members++;
      }
    });
    after = rows[rows.length - 1].id;
  }
  const result = { petitions, members, unreadable, petitionKey: identityKeys().current.id, nationalIdKey: current };
  await audit(db, null, { action: 'keys_rotate', entity: 'keys', entityId: `${result.petitionKey}/${result.nationalIdKey}`, after: result });
  return result;
}
