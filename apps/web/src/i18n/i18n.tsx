import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { vi, type MessageKey } from './vi';
import { fill, initialLocale, type Locale, type Vars } from './translate';

const STORAGE_KEY = 'dk_locale';

/*
 * The messages come in parts, so the first bundle holds only the frame's Vietnamese (vi.ts): English
 * (en.ts) loads when it is chosen, and the modules' pages' messages (vi-modules.ts / en-modules.ts) load
 * with the first page, beside its code (lazy-page.ts). Nothing is shown before the messages it uses are
 * here: the provider waits for English at start, a language switch waits for the new language, and a
 * page's code resolves only with its messages.
 */
type Part = 'frame' | 'modules';
const loaders: Record<Locale, Record<Part, () => Promise<Record<string, string>>>> = {
  vi: { frame: () => Promise.resolve(vi), modules: () => import('./vi-modules').then((m) => m.viModules) },
  en: { frame: () => import('./en').then((m) => m.en), modules: () => import('./en-modules').then((m) => m.enModules) },
};
const messages: Record<Locale, Record<string, string>> = { vi: { ...vi }, en: {} };
const loads = new Map<string, Promise<void>>([['vi:frame', Promise.resolve()]]);
/** Set once a page has asked for the modules' messages: a language switch then loads them too. */
let modulesWanted = false;
let current: Locale = 'vi';

function loadPart(locale: Locale, part: Part): Promise<void> {
  const key = `${locale}:${part}`;
  let p = loads.get(key);
  if (!p) {
    p = loaders[locale][part]().then((m) => void Object.assign(messages[locale], m));
    // A failed load (a lost connection) is tried again next time rather than remembered.
    p.catch(() => loads.delete(key));
    loads.set(key, p);
  }
  return p;
}

/** Everything shown in `locale` needs: the frame's messages, and the pages' once a page has loaded. */
function loadLocale(locale: Locale): Promise<void> {
  return Promise.all([loadPart(locale, 'frame'), modulesWanted ? loadPart(locale, 'modules') : undefined]).then(() => undefined);
}

/** The pages' messages in the language shown; a page's code waits for them (lazy-page.ts). */
export function loadPageMessages(): Promise<void> {
  modulesWanted = true;
  return loadPart(current, 'modules');
}

/** Whether a message exists (for keys built from data: an audit entity, a metric's module). */
export function hasMessage(key: string): key is MessageKey {
  return key in messages.vi || key in messages[current];
}

const isLoaded = (locale: Locale) => messages[locale]['app.name'] !== undefined;

type I18n = {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** One language of a { vi, en } label coming from the contract or the server. */
  pick: (label: { vi: string; en: string }) => string;
};

const I18nContext = createContext<I18n | null>(null);

function savedLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be blocked; Vietnamese is the default
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (current = initialLocale(savedLocale())));
  const [ready, setReady] = useState(() => isLoaded(locale));

  // English chosen on an earlier visit: its messages load before anything is shown (no Vietnamese flash);
  // if they cannot load, the app opens in Vietnamese.
  useEffect(() => {
    if (ready) return;
    loadLocale(locale).then(
      () => setReady(true),
      () => {
        current = 'vi';
        setLocaleState('vi');
        setReady(true);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at start
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((l: Locale) => {
    // The switch applies once the language's messages are here (a moment, the first time); if they
    // cannot load, the page stays in the language it is in.
    loadLocale(l).then(
      () => {
        current = l;
        setLocaleState(l);
        try {
          window.localStorage.setItem(STORAGE_KEY, l);
        } catch {
          // not persisted; the switch still applies to this visit
        }
      },
      () => undefined,
    );
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => fill(messages[locale][key] ?? key, vars),
      pick: (label) => label[locale],
    }),
    [locale, setLocale],
  );

  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
