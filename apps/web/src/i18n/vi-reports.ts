// Vietnamese messages of the reports pages (spread into vi.ts).
export const viReports = {
};
