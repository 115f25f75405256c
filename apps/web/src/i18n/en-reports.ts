import type { viReports } from './vi-reports';

// English messages of the reports pages (spread into en.ts).
export const enReports: Record<keyof typeof viReports, string> = {
};
