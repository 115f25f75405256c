// Vietnamese messages of the households pages (spread into vi.ts).
export const viHouseholds = {
};
