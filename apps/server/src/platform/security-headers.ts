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
};

/**
 * Helmet's headers (OWASP secure headers): CSP above, HSTS for a year (browsers ignore it over plain
 * HTTP), nosniff, no referrer, same-origin resource and opener policies.
 */
export async function registerSecurityHeaders(app: App): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: { maxAge: 365 * 86400, includeSubDomains: true },
  });
}
