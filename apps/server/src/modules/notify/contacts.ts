import { AppError } from '../../platform/errors';
import { addressHash } from '../petitions/public-service';
import { openIdentity, sealIdentity } from '../petitions/identity';

export type Channel = 'email' | 'sms';
export type Contact = { channel: Channel; value: string };

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** A phone number in its national form (0xxxxxxxxx), or null when it is not a Vietnamese mobile or landline. */
export function normalisePhone(raw: string): string | null {
  let d = raw.replace(/[\s.\-()]/g, '');
  if (d.startsWith('+84')) d = '0' + d.slice(3);
  else if (d.startsWith('84') && d.length === 11) d = '0' + d.slice(2);
  return /^0\d{9,10}$/.test(d) ? d : null;
}

/** The contact a citizen typed (an e-mail or a phone number), normalised; a clear error when it is neither. */
export function parseContact(raw: string): Contact {
  const v = raw.trim();
  if (v.includes('@')) {
    if (!EMAIL.test(v) || v.length > 200) throw new AppError('NOTIFY_CONTACT_INVALID');
    return { channel: 'email', value: v.toLowerCase() };
  }
  const phone = normalisePhone(v);
  if (!phone) throw new AppError('NOTIFY_CONTACT_INVALID');
  return { channel: 'sms', value: phone };
}

/** The contacts given on a petition form that can receive messages (invalid ones are simply not used). */
export function contactsOf(input: { phone?: string | null; email?: string | null }): Contact[] {
  const out: Contact[] = [];
  if (input.email && EMAIL.test(input.email.trim())) out.push({ channel: 'email', value: input.email.trim().toLowerCase() });
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (phone) out.push({ channel: 'sms', value: phone });
  return out;
}

// The same keyed hash as the flood check's addresses: finds a contact again without storing it in clear.
export const contactHash = (c: Contact) => addressHash(`contact:${c.channel}:${c.value}`);

// Sealed with the identity key through the identity's own envelope, so key handling stays in one place.
export const sealContact = (c: Contact) => sealIdentity(c.channel === 'email' ? { email: c.value } : { phone: c.value })!;
export function openContact(channel: Channel, sealed: Uint8Array): string {
  const id = openIdentity(sealed);
  const v = channel === 'email' ? id.email : id.phone;
  if (!v) throw new Error('sealed contact has no value for its channel');
  return v;
}

/** For logs and screens: the last digits of a phone, the domain of an e-mail. */
export const maskContact = (channel: Channel, value: string) => (channel === 'sms' ? `***${value.slice(-3)}` : `***@${value.split('@')[1] ?? ''}`);
