import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadPageMessages } from './i18n/i18n';

/**
 * A page loaded with its feature's code on first visit: a cheap phone downloads the sign-in page and
 * the frame first, and each section's code only when it is opened. The pages' messages load beside the
 * first page's code (i18n.tsx), and the page shows once both are here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page component, whatever its props' type
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => Promise.all([load(), loadPageMessages()]).then(([m]) => ({ default: m[name] })));
}
