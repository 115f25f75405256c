import crypto from 'node:crypto';
import { nationalIdKeys } from '../households/crypto';

// One answer per household without storing who answered: the answer keeps only HMAC(key, survey id ·
// household code), under a key derived from the households' key ring (HOUSEHOLD_ID_KEY), so the code
// cannot be recovered or tried against the table without the server's secret. A duplicate is looked
// for under every key of the ring, so a rotation does not let a household answer twice.
const surveyKey = (key: Buffer) => crypto.createHmac('sha256', key).update('survey-household').digest();

export function householdKey(surveyId: number, code: string, key = nationalIdKeys().current.key): string {
  return crypto.createHmac('sha256', surveyKey(key)).update(`${surveyId}:${code}`).digest('base64url');
}

export function householdKeys(surveyId: number, code: string): string[] {
  return nationalIdKeys().all.map((k) => householdKey(surveyId, code, k.key));
}
