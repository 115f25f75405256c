import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBankStatements } from './banks';
import { parseBankFiles } from './parse-pool';

const STATEMENTS_DIR = path.resolve(import.meta.dirname, '../../../../../../assets/statements');
const real = () => fs.readdirSync(STATEMENTS_DIR).filter((f) => f.endsWith('.csv'))
  .map((name) => ({ name, data: fs.readFileSync(path.join(STATEMENTS_DIR, name)) }));
const serial = (files: Array<{ name: string; data: Buffer }>) =>
  parseBankStatements(files.map((f) => ({ name: f.name, text: f.data.toString('utf8') })));

describe('bank statements parsed in worker threads', () => {
  it('gives exactly the lines, keys, recoveries and file summaries of the parse in the process (both banks, every file, any order)', async () => {
    const files = real().reverse();
    const inWorkers = await parseBankFiles(files, { workers: true });
    const inline = serial(files);
    expect(inWorkers.lines.length).toBe(98_967);
    expect(inWorkers.recovered.length).toBeGreaterThan(0);
    // Compared as JSON: a deep equality over 99k objects takes far longer and says no more.
    expect(JSON.stringify(inWorkers)).toBe(JSON.stringify(inline));
  }, 120_000);

  it('keeps an Agribank balance chain across the account\'s files and reports a broken row like the serial parse', async () => {
    const files = real().filter((f) => f.name.startsWith('Agribank'));
    // The second file's first data row gets a balance that does not follow from the first file's last one.
    const second = files[1].data.toString('utf8').split('\n');
    const cells = second[1].split(',');
    const broken = { name: files[1].name, data: Buffer.from(second.map((l, i) => (i === 1 ? l.replace(cells[8] ?? '', '"1"') : l)).join('\n')) };
    const input = [files[0], broken, ...files.slice(2)];
    const r = await parseBankFiles(input, { workers: true });
    expect(JSON.stringify(r)).toBe(JSON.stringify(serial(input)));
    expect(r.problems.map((p) => p.file)).toContain(files[1].name);
  }, 120_000);

  it('parses small uploads in the process', async () => {
    const one = { name: 'Vietinbank-111602391111-x_001.csv', data: Buffer.from(fs.readFileSync(path.join(STATEMENTS_DIR, real()[5].name), 'utf8').split('\n').slice(0, 30).join('\n')) };
    expect(await parseBankFiles([one])).toEqual(serial([one]));
  });
});
