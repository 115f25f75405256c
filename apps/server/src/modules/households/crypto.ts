import crypto from 'node:crypto';
import { AppError } from '../../platform/errors';
import { keyRing, type Key, type KeyRing } from '../../platform/keys';

// National ID numbers: AES-256-GCM with a random 96-bit IV per value, and a keyed digest (HMAC) so
// the same number can be found twice without decrypting. The keys come from HOUSEHOLD_ID_KEY (one or
// more secrets, comma-separated, newest first; each hashed to 32 bytes); the development default serves
// demos only and is refused in production (platform/keys.ts). A sealed value names its key:
// 'v2:<key id>:iv:tag:ct'; 'v1:iv:tag:ct' values are from before key ids and opened with any key.
const DEV_SECRET = 'doan-ket-dev-household-id-key (development only)';
const derive = (secret: string) => crypto.createHash('sha256').update(secret).digest();

let cached: { setting: string | undefined; ring: KeyRing } | undefined;
export function nationalIdKeys(): KeyRing {
  const setting = process.env.HOUSEHOLD_ID_KEY;
  if (!cached || cached.setting !== setting) cached = { setting, ring: keyRing(setting, derive, DEV_SECRET) };
  return cached.ring;
}

const subKeys = (k: Key) => ({
  enc: crypto.createHmac('sha256', k.key).update('enc').digest(),
  mac: crypto.createHmac('sha256', k.key).update('mac').digest(),
});

export type SealedId = { enc: string; last: string; digest: string };

/** Encrypts a national ID number; keeps its last three digits for the masked display. */
export function sealNationalId(id: string): SealedId {
  const k = nationalIdKeys().current;
  const { enc, mac } = subKeys(k);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', enc, iv);
  const ct = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    enc: `v2:${k.id}:${iv.toString('base64')}:${tag.toString('base64')}:${ct.toString('base64')}`,
    last: id.slice(-3),
    digest: nationalIdDigest(id, mac),
  };
}

export function nationalIdDigest(id: string, mac = subKeys(nationalIdKeys().current).mac): string {
  return crypto.createHmac('sha256', mac).update(id).digest('base64url');
}

/** The digests of a number under every key of the ring: a match finds values sealed before a rotation. */
export function nationalIdDigests(id: string): string[] {
  return nationalIdKeys().all.map((k) => nationalIdDigest(id, subKeys(k).mac));
}

function tryOpen(k: Key, iv: string, tag: string, ct: string): string | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', subKeys(k).enc, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The key id a sealed value names ('v2:<id>:…'), or null for a 'v1' value. */
export const nationalIdKeyIdOf = (sealed: string) => (sealed.startsWith('v2:') ? sealed.split(':')[1] : null);

/** Decrypts a sealed number (tests, key rotation; no route returns it). */
export function openNationalId(sealed: string): string {
  const parts = sealed.split(':');
  const ring = nationalIdKeys();
  if (parts[0] === 'v2') {
    const k = ring.byId.get(parts[1]);
    const plain = k ? tryOpen(k, parts[2], parts[3], parts[4]) : null;
    if (plain !== null) return plain;
  } else if (parts[0] === 'v1') {
    for (const k of ring.all) {
      const plain = tryOpen(k, parts[1], parts[2], parts[3]);
      if (plain !== null) return plain;
    }
  }
  throw new AppError('KEY_MISSING', { setting: 'HOUSEHOLD_ID_KEY' });
}

/** "*********123": the only form of a national ID number shown anywhere. */
export const maskNationalId = (last: string | null) => (last ? `*********${last}` : null);

/** "Nguyễn V. A." — a name as shown outside the user's scope or on the public side. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return `${parts[0].charAt(0)}.`;
  return [parts[0], ...parts.slice(1).map((p) => `${p.charAt(0)}.`)].join(' ');
}
