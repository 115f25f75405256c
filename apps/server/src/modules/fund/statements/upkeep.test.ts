// An import's upkeep waits for the imports that follow it closely (issue 18: two uploads of one statement
// were each written beside the previous one's index merge).
import { describe, expect, it } from 'vitest';
import { counted, importsSettled, SETTLE_MS } from './upkeep';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('upkeep after imports', () => {
  it('starts only once no import has run for a moment: not between two uploads sent one after the other', async () => {
    const events: string[] = [];
    await counted(async () => void events.push('first import'));
    void importsSettled().then(() => events.push('upkeep'));
    await sleep(SETTLE_MS / 4);
    await counted(async () => {
      events.push('second import');
      await sleep(SETTLE_MS * 1.2); // longer than the settle time: the upkeep still waits for it to end
    });
    expect(events).toEqual(['first import', 'second import']);
    await importsSettled();
    expect(events).toEqual(['first import', 'second import', 'upkeep']);
  });

  it('a failed import counts as ended', async () => {
    await expect(counted(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    const t0 = performance.now();
    await importsSettled();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(SETTLE_MS * 0.9);
    expect(await Promise.race([importsSettled().then(() => 'settled'), sleep(50).then(() => 'waiting')])).toBe('settled');
  });
});
