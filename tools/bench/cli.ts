// What every benchmark's command line shares: the flags, the usage error and the two output streams.
import type { BenchDb } from './databases';

/** A wrong flag: the runner prints its message alone, without a stack. */
export class UsageError extends Error {}

/** Figures go to stdout (what a README quotes); progress to stderr. */
export const log = (s: string) => console.log(s);
export const step = (s: string) => process.stderr.write(`  … ${s}\n`);

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * `--only pglite|postgres` and the suite's integer flags, given with their defaults in camelCase
 * (`pgliteHouseholds` is `--pglite-households N` or `--pglite-households=N`; undefined: optional).
 */
export function parseBenchArgs<F extends Record<string, number | undefined>>(argv: string[], defaults: F): F & { only?: BenchDb['kind'] } {
  const values: Record<string, number | undefined> = { ...defaults };
  let only: BenchDb['kind'] | undefined;
  const usage = ['--only pglite|postgres', ...Object.keys(defaults).map((k) => `--${kebab(k)} N`)].join(', ');
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--only') {
      const v = value();
      if (v !== 'pglite' && v !== 'postgres') throw new UsageError(`--only takes pglite or postgres, not ${v}`);
      only = v;
      continue;
    }
    const key = Object.keys(defaults).find((k) => `--${kebab(k)}` === flag);
    if (!key) throw new UsageError(`unknown flag ${argv[i]} (use ${usage})`);
    const n = Number(value());
    if (!Number.isInteger(n)) throw new UsageError(`${flag} takes an integer`);
    values[key] = n;
  }
  return { ...(values as F), only };
}
