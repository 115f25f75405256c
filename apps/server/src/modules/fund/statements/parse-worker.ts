// Parses one group of bank statement files for the pool in parse-pool.ts.
import { parentPort } from 'node:worker_threads';
import { parseBankStatements } from './banks';

type Task = { id: number; files: Array<{ name: string; data: Uint8Array }> };

const decoder = new TextDecoder();
parentPort!.on('message', ({ id, files }: Task) => {
  try {
    const parsed = parseBankStatements(files.map((f) => ({ name: f.name, text: decoder.decode(f.data) })));
    parentPort!.postMessage({ id, parsed });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
