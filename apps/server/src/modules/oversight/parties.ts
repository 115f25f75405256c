import type { MediationParties } from '@contract/oversight';
import { maskName, openNationalId, sealNationalId } from '../households/crypto';

// A mediation case's parties are protected like households' ID numbers: the same AES-256-GCM sealing
// (key HOUSEHOLD_ID_KEY), decrypted only for a permitted, audited read; lists carry a masked form.

export function sealParties(parties: MediationParties['parties']): { enc: string; masked: string } {
  return { enc: sealNationalId(JSON.stringify(parties)).enc, masked: maskParties(parties) };
}

export function openParties(enc: string): MediationParties['parties'] {
  return JSON.parse(openNationalId(enc)) as MediationParties['parties'];
}

/** "Nguyễn V. A. – Trần T. B.": the only form of the parties outside the audited read. */
export const maskParties = (parties: Array<{ name: string }>) => parties.map((p) => maskName(p.name)).join(' – ');
