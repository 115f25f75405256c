import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string;
  /** Secure cookies only behind HTTPS; local runs are plain HTTP. */
  secureCookies: boolean;
  loadDemo: boolean;
  /** The address citizens open links from messages at (tracking pages). */
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.DEMO_PASSWORD ?? 'doanket2026',
    secureCookies: env.SECURE_COOKIES === '1',
    loadDemo: env.LOAD_DEMO !== '0',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
  };
}
