// Parsing the real statements (12 MB, 99k lines) costs about 1.6 s of CPU. Done in the request, it would
// hold every other request of the process for that long; in worker threads the event loop stays free, and
// the accounts' files are parsed side by side on the machine's cores. Files are grouped by the account in
// their name — an Agribank balance chain runs across an account's files and line keys are per account —
// so each group's result is exactly what parseBankStatements gives for those files, and the merge puts
// everything back in parseBankStatements' file order.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { accountFromName, parseBankStatements } from './banks';
import type { ParsedStatement } from './types';

export type BankFile = { name: string; data: Buffer };

/** Below this size a worker's start costs more than the parse (a few files typed in a test or by hand). */
const WORKER_MIN_BYTES = 1 << 20;
const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism()));

type Pending = { resolve: (p: ParsedStatement) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: number };
let slots: Slot[] | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function pool(): Slot[] {
  if (slots) return slots;
  slots = Array.from({ length: POOL_SIZE }, () => {
    const worker = new Worker(new URL('./parse-worker.mjs', import.meta.url));
    worker.unref(); // an idle pool never keeps the process alive
    worker.on('message', (m: { id: number; parsed?: ParsedStatement; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      slot.busy--;
      if (m.error !== undefined) p?.reject(new Error(`statement parse worker: ${m.error}`));
      else p?.resolve(m.parsed!);
    });
    // A crashed worker fails what it held; the next parse starts a fresh pool.
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => code !== 0 && fail(new Error(`statement parse worker exited with ${code}`)));
    const slot: Slot = { worker, busy: 0 };
    return slot;
  });
  return slots;
}

function fail(e: Error): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  const old = slots;
  slots = null;
  for (const s of old ?? []) void s.worker.terminate();
}

function run(files: BankFile[]): Promise<ParsedStatement> {
  const slot = pool().reduce((a, b) => (b.busy < a.busy ? b : a));
  const id = nextId++;
  slot.busy++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    slot.worker.postMessage({ id, files: files.map((f) => ({ name: f.name, data: new Uint8Array(f.data) })) });
  });
}

/** parseBankStatements over the files, in worker threads for large uploads. */
export async function parseBankFiles(files: BankFile[], opts: { workers?: boolean } = {}): Promise<ParsedStatement> {
  const bytes = files.reduce((s, f) => s + f.data.length, 0);
  if (!(opts.workers ?? bytes >= WORKER_MIN_BYTES)) return parseBankStatements(files.map((f) => ({ name: f.name, text: f.data.toString('utf8') })));
  const groups = new Map<string, BankFile[]>();
  for (const f of files) {
    const k = accountFromName(f.name) ?? '';
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(f);
  }
  const parts = await Promise.all([...groups.values()].map(run));
  // parseBankStatements' order: files by name, rows in file order.
  const rank = new Map([...files].sort((a, b) => a.name.localeCompare(b.name)).map((f, i) => [f.name, i]));
  const byFile = <T extends { file: string }>(xs: T[]) => xs.sort((a, b) => rank.get(a.file)! - rank.get(b.file)!);
  return {
    lines: byFile(parts.flatMap((p) => p.lines)),
    problems: byFile(parts.flatMap((p) => p.problems)),
    recovered: byFile(parts.flatMap((p) => p.recovered)),
    files: byFile(parts.flatMap((p) => p.files)),
  };
}
