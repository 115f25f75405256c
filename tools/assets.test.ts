import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const copies = path.join(root, 'assets/admin-units');
const shared = path.resolve(root, '../shared/data/admin-units');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('vendored real data', () => {
  it('is byte for byte the shared data set (never edited)', () => {
    const files = fs.readdirSync(copies).filter((f) => f.endsWith('.json') || f.startsWith('LICENSE'));
    expect(files.length).toBe(5);
    // Where the shared folder sits beside the checkout (developers' machines, CI), compare with it.
    if (!fs.existsSync(shared)) return;
    for (const f of files) expect(sha(path.join(copies, f)), f).toBe(sha(path.join(shared, f)));
  });
});
