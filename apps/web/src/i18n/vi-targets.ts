// Vietnamese messages of the targets pages (spread into vi.ts).
export const viTargets = {
};
