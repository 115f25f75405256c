import crypto from 'node:crypto';

/**
 * A ring of encryption keys: the first encrypts, all of them decrypt. Each key carries an id (the first
 * 8 hex characters of the SHA-256 of the key), stored with every value it seals, so a value names its key
 * and old keys stay readable after a new one is put first. `npm run keys:rotate` re-encrypts everything
 * under the first key, after which the old ones can be dropped from the setting.
 */
export type Key = { id: string; key: Buffer };
export type KeyRing = { current: Key; all: Key[]; byId: Map<string, Key>; development: boolean };

export const keyId = (key: Buffer) => crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);

/**
 * Builds a ring from a setting of one or more secrets separated by commas (newest first). `derive` turns
 * one secret into the 32-byte key. The development key stays in the ring as a reader, so data written
 * before a real key was set remains readable until rotated; it never encrypts when a real key is set.
 */
export function keyRing(setting: string | undefined, derive: (secret: string) => Buffer, devSecret: string): KeyRing {
  const secrets = (setting ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const dev = derive(devSecret);
  const keys = [...secrets.map(derive), dev].map((key) => ({ id: keyId(key), key }));
  const unique = keys.filter((k, i) => keys.findIndex((x) => x.id === k.id) === i);
  return { current: unique[0], all: unique, byId: new Map(unique.map((k) => [k.id, k])), development: secrets.length === 0 };
}

/** 64 hex characters or base64 of 32 bytes; anything else is a configuration error. */
export function raw32(name: string) {
  return (secret: string): Buffer => {
    const k = /^[0-9a-f]{64}$/i.test(secret) ? Buffer.from(secret, 'hex') : Buffer.from(secret, 'base64');
    if (k.length !== 32) throw new Error(`${name} must be 32 bytes (64 hex characters or base64)`);
    return k;
  };
}

/** The settings production cannot run without (keys written in the source protect nothing). */
export const REQUIRED_SECRETS = ['PETITION_IDENTITY_KEY', 'HOUSEHOLD_ID_KEY', 'PETITION_ADDRESS_SALT'] as const;

/** Refuses to start in production without its keys and salt; names what is missing. */
export function assertProductionSecrets(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV !== 'production') return;
  const missing = REQUIRED_SECRETS.filter((k) => !env[k]?.trim());
  if (missing.length) {
    throw new Error(`Thiếu khoá bí mật cho môi trường production / missing secrets in production: ${missing.join(', ')}`);
  }
  if (env.PETITION_ADDRESS_SALT!.trim().length < 16) throw new Error('PETITION_ADDRESS_SALT must have at least 16 characters');
  // Parsing now turns a malformed key into a clear start-up error, not a 500 on the first petition.
  for (const s of env
    .PETITION_IDENTITY_KEY!.split(',')
    .map((x) => x.trim())
    .filter(Boolean))
    raw32('PETITION_IDENTITY_KEY')(s);
}
