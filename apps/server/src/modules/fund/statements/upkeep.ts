// After an import, its upkeep (ANALYZE of the donations, the merge of the word index's pending list: ~1–2 s of
// database work after the real statements) runs once this process's imports have all ended and none has
// started for a moment. An accountant's files come in several uploads, one after the other: each upload's
// writes then do not share the database with the previous one's merge, and the upkeep runs once for all.

/** How long no import must run before the upkeep starts. */
export const SETTLE_MS = 1_000;

let running = 0;
let timer: NodeJS.Timeout | null = null;
let waiters: Array<() => void> = [];

/** Runs an import, counting it as running until it ends (either way). */
export async function counted<T>(fn: () => Promise<T>): Promise<T> {
  running++;
  if (timer) clearTimeout(timer);
  timer = null;
  try {
    return await fn();
  } finally {
    running--;
    if (running === 0) arm();
  }
}

function arm() {
  timer = setTimeout(() => {
    timer = null;
    if (running > 0) return;
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  }, SETTLE_MS);
  timer.unref(); // a process that is ending does not wait for upkeep (the next import or the start redoes it)
}

/** Resolves once no import has run for SETTLE_MS. */
export function importsSettled(): Promise<void> {
  if (running === 0 && !timer) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}
