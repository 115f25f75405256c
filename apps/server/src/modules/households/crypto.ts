import crypto from 'node:crypto';

// National ID numbers: AES-256-GCM with a random 96-bit IV per value, and a keyed digest (HMAC) so
// the same number can be found twice without decrypting. The key comes from HOUSEHOLD_ID_KEY (any
// string; hashed to 32 bytes); the default serves development and demos only.
const DEV_KEY = 'doan-ket-dev-household-id-key (development only)';

function keys(): { enc: Buffer; mac: Buffer } {
  const secret = process.env.HOUSEHOLD_ID_KEY || DEV_KEY;
  const root = crypto.createHash('sha256').update(secret).digest();
  return {
    enc: crypto.createHmac('sha256', root).update('enc').digest(),
    mac: crypto.createHmac('sha256', root).update('mac').digest(),
  };
}

export type SealedId = { enc: string; last: string; digest: string };

/** Encrypts a national ID number; keeps its last three digits for the masked display. */
export function sealNationalId(id: string): SealedId {
  const { enc, mac } = keys();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', enc, iv);
  const ct = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    enc: `v1:${iv.toString('base64')}:${tag.toString('base64')}:${ct.toString('base64')}`,
    last: id.slice(-3),
    digest: nationalIdDigest(id, mac),
  };
}

export function nationalIdDigest(id: string, mac = keys().mac): string {
  return crypto.createHmac('sha256', mac).update(id).digest('base64url');
}

/** Decrypts a sealed number (used only by tests and a future audited reveal; no route returns it). */
export function openNationalId(sealed: string): string {
  const [v, iv, tag, ct] = sealed.split(':');
  if (v !== 'v1') throw new Error('unknown national ID format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys().enc, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

/** "*********123": the only form of a national ID number shown anywhere. */
export const maskNationalId = (last: string | null) => (last ? `*********${last}` : null);

/** "Nguyễn V. A." — a name as shown outside the user's scope or on the public side. */
export function maskName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return `${parts[0].charAt(0)}.`;
  return [parts[0], ...parts.slice(1).map((p) => `${p.charAt(0)}.`)].join(' ');
}
