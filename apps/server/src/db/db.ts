import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

/** A connection or an open transaction. Inside `tx`, use only the handle passed in. */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction; nested calls reuse the outer transaction. */
  tx<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * On the root connection opened with DATABASE_REPLICA_URL: a streaming replica of the primary, read-only
   * and a little behind it, for the public's reads (see readReplica). Absent otherwise and inside `tx`.
   */
  readonly replica?: Db;
}

export interface RootDb extends Db {
  close(): Promise<void>;
  /** PGlite only: a copy of the data directory, used to clone test databases quickly. */
  dump?(): Promise<Blob>;
  /**
   * Calls fn with each NOTIFY on `channel` (sent at commit, by any process). On a server the listening
   * connection is a session of its own (a transaction-mode pooler cannot hold a LISTEN); after it was lost
   * and opened again, fn gets '' (notifications sent meanwhile are lost: treat it as "anything changed").
   * Returns the function that stops listening.
   */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

// Same value shapes from both drivers: int8 as number (VND fits in 2^53), dates as 'YYYY-MM-DD'.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

const pgliteParsers = {
  [pgliteTypes.INT8]: (v: string) => Number(v),
  [pgliteTypes.DATE]: (v: string) => v,
  [pgliteTypes.NUMERIC]: (v: string) => Number(v),
};

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrapPglite(conn: PgliteLike, root: PGlite, inTx: boolean): Db {
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await conn.query<T>(sql, params);
      return res.rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
    async tx<T>(fn: (tx: Db) => Promise<T>) {
      if (inTx) return fn(db);
      return root.transaction((t) => fn(wrapPglite(t, root, true)));
    },
  };
  return db;
}

/**
 * The connection for public reads that need not see the latest write: the streaming replica when one is
 * configured, else db itself (PGlite, or a server without a replica). Staff reads and all writes stay on db,
 * so a user always reads their own writes.
 */
export function readReplica(db: Db): Db {
  return db.replica ?? db;
}

/**
 * The primary with its replica attached; closing it closes both. A replica that cannot answer (down,
 * starting, or a query cancelled by a replay conflict) hands the read to the primary: the public pages
 * keep working, more slowly, and `onFallback` is told.
 */
export function withReplica(primary: RootDb, replica: RootDb, onFallback: (err: Error) => void = () => {}): RootDb {
  const orPrimary = async <T>(onReplica: () => Promise<T>, onPrimary: () => Promise<T>): Promise<T> => {
    try {
      return await onReplica();
    } catch (err) {
      if (!replicaUnavailable(err)) throw err;
      onFallback(err as Error);
      return onPrimary();
    }
  };
  const reader: Db = {
    kind: replica.kind,
    query: <T>(sql: string, params?: unknown[]) =>
      orPrimary(
        () => replica.query<T>(sql, params),
        () => primary.query<T>(sql, params),
      ),
    exec: (sql) =>
      orPrimary(
        () => replica.exec(sql),
        () => primary.exec(sql),
      ),
    // Public reads only: running fn again on the primary repeats nothing but reads.
    tx: (fn) =>
      orPrimary(
        () => replica.tx(fn),
        () => primary.tx(fn),
      ),
  };
  return {
    ...primary,
    replica: reader,
    async close() {
      await Promise.all([primary.close(), replica.close()]);
    },
  };
}

/** Connection failures (SQLSTATE class 08, the server shutting down or starting) and hot-standby conflicts (40001). */
function replicaUnavailable(err: unknown): boolean {
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^(08|57P0[123]$|40001$)/.test(code) || /^E(CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|NOTFOUND|PIPE)$/.test(code))) return true;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/.test(message);
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<RootDb> {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  const pglite = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pg') : undefined,
    extensions: { btree_gin, pg_trgm, unaccent },
    parsers: pgliteParsers,
    loadDataDir,
  });
  const db = wrapPglite(pglite, pglite, false);
  return {
    ...db,
    async close() {
      await pglite.close();
      release();
    },
    dump: () => pglite.dumpDataDir('gzip'),
    // One process owns the embedded database: its notifications stay in this process.
    async listen(channel, fn) {
      if (!CHANNEL.test(channel)) throw new Error(`listen: not a channel name: ${channel}`);
      const stop = await pglite.listen(channel, fn);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
  };
}

/** `listenUrl`: where LISTEN connects (DATABASE_DIRECT_URL past a transaction-mode pooler); default `url`. */
export async function openPostgres(url: string, opts: { connectTimeoutMs?: number; listenUrl?: string } = {}): Promise<RootDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: opts.connectTimeoutMs ?? 0 });
  // An idle connection the server ends (restart, a dropped database) must not crash the process: the
  // pool discards it and the next query opens a new one.
  pool.on('error', () => {});
  const wrapClient = (client: pg.PoolClient): Db => {
    const db: Db = {
      kind: 'postgres',
      query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      exec: async (sql) => void (await client.query(sql)),
      tx: (fn) => fn(db),
    };
    return db;
  };
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql) => void (await pool.query(sql)),
    async tx<T>(fn: (tx: Db) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    listen: (channel, fn) => listenPostgres(opts.listenUrl ?? url, channel, fn),
  };
}

/** A dedicated session that LISTENs, opened again (after 1 s, then up to 30 s apart) whenever it is lost. */
async function listenPostgres(url: string, channel: string, fn: (payload: string) => void): Promise<() => Promise<void>> {
  if (!CHANNEL.test(channel)) throw new Error(`listen: not a channel name: ${channel}`);
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  let delay = 1000;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => {
      if (m.channel === channel) fn(m.payload ?? '');
    });
    c.on('error', () => {});
    c.on('end', () => {
      if (client !== c || stopped) return;
      client = null;
      schedule();
    });
    await c.connect();
    await c.query(`listen ${channel}`); // session-state: LISTEN holds this dedicated session (listenUrl: DATABASE_DIRECT_URL past PgBouncer)
    if (stopped) return void (await c.end().catch(() => {}));
    client = c;
  };
  const schedule = () => {
    retry = setTimeout(() => {
      connect().then(
        () => {
          delay = 1000;
          fn('');
        },
        () => {
          delay = Math.min(delay * 2, 30_000);
          if (!stopped) schedule();
        },
      );
    }, delay);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

/** One process per PGlite data directory: two writers on one directory lose writes. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'server.lock');
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. / The data directory is in use by process ${pid}; stop it first.`);
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
