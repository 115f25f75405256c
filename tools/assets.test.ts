import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

// Copies of ../shared/data so a clone runs on its own; each must stay byte for byte the original.
const SETS = [
  { copies: 'assets/admin-units', shared: '../shared/data/admin-units', count: 5, pick: (f: string) => f.endsWith('.json') || f.startsWith('LICENSE') },
  { copies: 'assets/statements', shared: '../shared/data/statements', count: 12, pick: (f: string) => f.endsWith('.csv') || f.startsWith('LICENSE') },
];

describe('vendored real data', () => {
  for (const set of SETS) {
    it(`${set.copies} is byte for byte the shared data set (never edited)`, () => {
      const copies = path.join(root, set.copies);
      const shared = path.resolve(root, set.shared);
      const files = fs.readdirSync(copies).filter(set.pick);
      expect(files.length).toBe(set.count);
      // Where the shared folder sits beside the checkout (developers' machines, CI), compare with it.
      if (!fs.existsSync(shared)) return;
      for (const f of files) expect(sha(path.join(copies, f)), f).toBe(sha(path.join(shared, f)));
    });
  }
});
