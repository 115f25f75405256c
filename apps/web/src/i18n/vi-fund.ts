// Vietnamese messages of the fund pages (spread into vi.ts).
export const viFund = {
};
