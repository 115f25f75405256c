import type { viPetitions } from './vi-petitions';

// English messages of the petitions pages (spread into en.ts).
export const enPetitions: Record<keyof typeof viPetitions, string> = {
};
