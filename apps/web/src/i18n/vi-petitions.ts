// Vietnamese messages of the petitions pages (spread into vi.ts).
export const viPetitions = {
};
