import { HOUSEHOLD_CLASS_LABELS, type HouseholdClass } from '@contract/households-values';

type Pick = (l: { vi: string; en: string }) => string;

/** "Hộ nghèo, Khuyết tật" */
export const classList = (pick: Pick, classes: readonly HouseholdClass[] | null) => (classes ?? []).map((c) => pick(HOUSEHOLD_CLASS_LABELS[c])).join(', ');
