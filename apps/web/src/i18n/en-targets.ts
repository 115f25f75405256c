import type { viTargets } from './vi-targets';

// English messages of the targets pages (spread into en.ts).
export const enTargets: Record<keyof typeof viTargets, string> = {
};
