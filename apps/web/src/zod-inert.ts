// The browser build resolves 'zod' here (see vite.config.ts). The web app takes only types and
// label constants from packages/contract; the schemas beside them are built at import time but
// never used in the browser — the server validates every request. This stand-in accepts any
// schema-building call and costs ~0.3 kB instead of zod's ~25 kB gzipped. Parsing with it fails
// loudly, so nobody mistakes it for validation.
const PARSE = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'spa', 'decode', 'encode', 'safeDecode', 'safeEncode']);

function refuse(): never {
  throw new Error('zod is not bundled in the web app: validate on the server, or import zod for real in vite.config.ts');
}

const inert: unknown = new Proxy(function inertSchema() {}, {
  get: (_t, prop) => (prop === 'then' ? undefined : PARSE.has(String(prop)) ? refuse : inert),
  apply: () => inert,
  construct: () => inert as object,
});

export const z = inert;
export default inert;
