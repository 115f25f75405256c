import { todayIso } from '../../format';
import { useMe } from '../auth/session';
import { defaultAsOf } from './dates';

/** My default as-of date (see defaultAsOf). */
export function useDefaultAsOf(): string {
  return defaultAsOf(useMe().unitValidTo, todayIso());
}
