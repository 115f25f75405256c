import crypto from 'node:crypto';
import type { PetitionIdentity } from '@contract/petitions';

/*
 * A petitioner's identity at rest: AES-256-GCM, a fresh 12-byte IV per record, stored as
 * iv ‖ tag ‖ ciphertext. The key comes from PETITION_IDENTITY_KEY (64 hex characters or base64 of 32
 * bytes); without it a fixed development key is used so the demo runs (never for real data).
 */
const DEV_KEY = crypto.createHash('sha256').update('doanket-dev-identity-key (demo only)').digest();

function key(): Buffer {
  const raw = process.env.PETITION_IDENTITY_KEY;
  if (!raw) return DEV_KEY;
  const k = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (k.length !== 32) throw new Error('PETITION_IDENTITY_KEY must be 32 bytes (64 hex characters or base64)');
  return k;
}

type IdentityInput = { name?: string; phone?: string; email?: string; address?: string };

/** The encrypted identity, or null when the petitioner gave none. */
export function sealIdentity(input: IdentityInput): Buffer | null {
  const value = { name: input.name || null, phone: input.phone || null, email: input.email || null, address: input.address || null };
  if (!value.name && !value.phone && !value.email && !value.address) return null;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

export function openIdentity(sealed: Uint8Array): PetitionIdentity {
  const buf = Buffer.from(sealed);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key(), buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  const text = Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(text) as PetitionIdentity;
}
