// Pure message lookup, kept apart from React so it can be tested in node.

export type Locale = 'vi' | 'en';
export type Vars = Record<string, string | number>;

/** Fills '{name}' placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The placeholders a message uses, sorted (both languages of one message must use the same). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** Chooses the language at start: the saved choice, else Vietnamese. */
export function initialLocale(saved: string | null): Locale {
  return saved === 'en' ? 'en' : 'vi';
}

/** Picks one language of a { vi, en } label (the server's labels, e.g. ROLE_LABELS). */
export function pick(label: { vi: string; en: string }, locale: Locale): string {
  return label[locale];
}
