import type { Db } from '../../db/db';

// The sealed values key rotation re-encrypts, read in batches by id (keyset paging: no offset to skip).

export async function listSealedIdentities(db: Db, after: number, limit: number): Promise<Array<{ id: number; identity_enc: Uint8Array }>> {
  return db.query<{ id: number; identity_enc: Uint8Array }>('select id, identity_enc from petitions where identity_enc is not null and id > $1 order by id limit $2', [
    after,
    limit,
  ]);
}

export async function updatePetitionIdentity(tx: Db, id: number, sealed: Uint8Array): Promise<void> {
  await tx.query('update petitions set identity_enc = $2 where id = $1', [id, sealed]);
}

export async function listSealedNationalIds(db: Db, after: number, limit: number): Promise<Array<{ id: number; national_id_enc: string }>> {
  return db.query<{ id: number; national_id_enc: string }>('select id, national_id_enc from household_members where national_id_enc is not null and id > $1 order by id limit $2', [
    after,
    limit,
  ]);
}

/** The digest changes with the key: both are written together. */
export async function updateMemberNationalId(tx: Db, id: number, enc: string, digest: string): Promise<void> {
  await tx.query('update household_members set national_id_enc = $2, national_id_digest = $3 where id = $1', [id, enc, digest]);
}
