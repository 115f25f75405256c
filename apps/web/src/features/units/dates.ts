import { dayBefore } from '../../format';

/**
 * The date at which to look inside a unit: the chosen as-of date when the unit was valid then,
 * otherwise the nearest day of its life (its first day, or its last day if it has ended) — so an
 * ended ward still shows the villages it had.
 */
export function dateWithin(asOf: string, validFrom: string, validTo: string | null): string {
  if (asOf < validFrom) return validFrom;
  if (validTo && asOf >= validTo) return dayBefore(validTo);
  return asOf;
}

/** Whether a unit is valid on a date (validity is half-open: [from, to)). */
export function validOn(date: string, validFrom: string, validTo: string | null): boolean {
  return validFrom <= date && (!validTo || date < validTo);
}

/** Today, or the last day of my unit if it has ended (an ended city's staff read it as it was). */
export function defaultAsOf(unitValidTo: string | null, today: string): string {
  return unitValidTo && unitValidTo <= today ? dayBefore(unitValidTo) : today;
}
