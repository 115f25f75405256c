// Plain values of the public statement (no zod), for the web app.

export const PUBLIC_DONATION_SORTS = ['newest', 'oldest', 'amount_desc', 'amount_asc'] as const;
export type PublicDonationSort = (typeof PUBLIC_DONATION_SORTS)[number];

/** Rows a CSV download holds at most (it says so when there are more). */
export const PUBLIC_CSV_MAX_ROWS = 10_000;
