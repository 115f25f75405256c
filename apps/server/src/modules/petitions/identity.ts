import crypto from 'node:crypto';
import type { PetitionIdentity } from '@contract/petitions';
import { keyRing, raw32, type KeyRing } from '../../platform/keys';
import { AppError } from '../../platform/errors';

/*
 * A petitioner's identity at rest: AES-256-GCM, a fresh 12-byte IV per record, stored as
 * 'K' ‖ key id (4 bytes) ‖ iv ‖ tag ‖ ciphertext. Values from before key ids (iv ‖ tag ‖ ciphertext)
 * are read by trying each key of the ring (GCM's tag tells the right one). The keys come from
 * PETITION_IDENTITY_KEY (one or more, comma-separated, newest first; 64 hex characters or base64 of 32
 * bytes); without it a development key is used (refused in production, see platform/keys.ts).
 */
const DEV_SECRET = crypto.createHash('sha256').update('doanket-dev-identity-key (demo only)').digest('hex');
const MAGIC = 0x4b;

let cached: { setting: string | undefined; ring: KeyRing } | undefined;
export function identityKeys(): KeyRing {
  const setting = process.env.PETITION_IDENTITY_KEY;
  if (!cached || cached.setting !== setting) cached = { setting, ring: keyRing(setting, raw32('PETITION_IDENTITY_KEY'), DEV_SECRET) };
  return cached.ring;
}

type IdentityInput = { name?: string; phone?: string; email?: string; address?: string };

/** The encrypted identity, or null when the petitioner gave none. */
export function sealIdentity(input: IdentityInput): Buffer | null {
  const value = { name: input.name || null, phone: input.phone || null, email: input.email || null, address: input.address || null };
  if (!value.name && !value.phone && !value.email && !value.address) return null;
  return sealBytes(Buffer.from(JSON.stringify(value), 'utf8'));
}

function sealBytes(plain: Buffer): Buffer {
  const { id, key } = identityKeys().current;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([MAGIC]), Buffer.from(id, 'hex'), iv, cipher.getAuthTag(), data]);
}

function tryOpen(key: Buffer, body: Buffer): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
    decipher.setAuthTag(body.subarray(12, 28));
    return Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The key id a sealed value names, or null for a value from before key ids. */
export function identityKeyIdOf(sealed: Uint8Array): string | null {
  const buf = Buffer.from(sealed);
  if (buf[0] !== MAGIC) return null;
  const id = buf.subarray(1, 5).toString('hex');
  return identityKeys().byId.has(id) ? id : null;
}

function openBytes(sealed: Uint8Array): Buffer {
  const buf = Buffer.from(sealed);
  const ring = identityKeys();
  const id = identityKeyIdOf(buf);
  const named = id ? tryOpen(ring.byId.get(id)!.key, buf.subarray(5)) : null;
  if (named) return named;
  for (const k of ring.all) {
    const plain = tryOpen(k.key, buf);
    if (plain) return plain;
  }
  throw new AppError('KEY_MISSING', { setting: 'PETITION_IDENTITY_KEY' });
}

export function openIdentity(sealed: Uint8Array): PetitionIdentity {
  return JSON.parse(openBytes(sealed).toString('utf8')) as PetitionIdentity;
}

/** The value re-sealed under the current key, or null when it already is (keys:rotate). */
export function resealIdentity(sealed: Uint8Array): Buffer | null {
  if (identityKeyIdOf(sealed) === identityKeys().current.id) return null;
  return sealBytes(openBytes(sealed));
}
