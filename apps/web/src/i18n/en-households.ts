import type { viHouseholds } from './vi-households';

// English messages of the households pages (spread into en.ts).
export const enHouseholds: Record<keyof typeof viHouseholds, string> = {
};
