import fs from 'node:fs';
import helmet from '@fastify/helmet';
import type { App } from './http';

/**
 * The Content Security Policy the web app is built to pass: everything from this origin, no inline
 * script or style, no plug-ins, no framing (clickjacking), forms and <base> only to this origin. Images
 * may be data: (the favicon) or blob: (previews). Checked by the e2e suite, which fails on any violation.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  reportUri: ['/api/csp-report'],
};

/**
 * Helmet's headers (OWASP secure headers): CSP above, HSTS for a year (browsers ignore it over plain
 * HTTP), nosniff, no referrer, same-origin resource and opener policies.
 */
export async function registerSecurityHeaders(app: App, reportFile?: string): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: { maxAge: 365 * 86400, includeSubDomains: true },
  });
  await app.register(async (scope) => {
    // Browsers post violations as application/csp-report (report-uri) JSON.
    for (const type of ['application/csp-report', 'application/reports+json']) {
      scope.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch {
          done(null, {});
        }
      });
    }
    scope.post('/api/csp-report', { schema: { hide: true } }, async (req, reply) => {
      const r = ((req.body as { 'csp-report'?: Record<string, unknown> } | null)?.['csp-report'] ?? {}) as Record<string, unknown>;
      // The page's path only (a query string may carry a searched name), the directive and what was blocked.
      const entry = {
        page: String(r['document-uri'] ?? '')
          .replace(/^https?:\/\/[^/]+/, '')
          .split('?')[0],
        directive: String(r['effective-directive'] ?? r['violated-directive'] ?? ''),
        blocked: String(r['blocked-uri'] ?? '').split('?')[0],
      };
      req.log.warn({ csp: entry }, 'CSP violation');
      if (reportFile) fs.appendFileSync(reportFile, JSON.stringify(entry) + '\n');
      return reply.status(204).send();
    });
  });
}
