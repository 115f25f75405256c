import type { viFund } from './vi-fund';

// English messages of the fund pages (spread into en.ts).
export const enFund: Record<keyof typeof viFund, string> = {
};
