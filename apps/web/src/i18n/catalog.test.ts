import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { vi as viFrame } from './vi';
import { en as enFrame } from './en';
import { viModules } from './vi-modules';
import { enModules } from './en-modules';
import { fill, initialLocale, placeholders } from './translate';

// The whole catalog of each language: the frame's messages and the modules' pages' (loaded apart, i18n.tsx).
const vi = { ...viFrame, ...viModules };
const en = { ...enFrame, ...enModules };

describe('message catalogs', () => {
  it('have the same keys in both languages and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(vi)) expect(v.trim(), k).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(vi) as (keyof typeof vi)[]) expect(placeholders(en[k]), k).toEqual(placeholders(vi[k]));
  });

  it('write Vietnamese with its diacritics (no accent-stripped labels)', () => {
    // A few labels people see on every page, spelled exactly.
    expect(vi['auth.title']).toBe('Đăng nhập');
    expect(vi['nav.audit']).toBe('Nhật ký thay đổi');
    expect(vi['metrics.viewNow']).toBe('Theo đơn vị hiện nay');
    expect(vi['metrics.viewThen']).toBe('Theo đơn vị tại thời điểm đó');
    const withMarks = Object.values(vi).filter((s) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(s));
    expect(withMarks.length / Object.keys(vi).length).toBeGreaterThan(0.85);
  });
});

describe('translate helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('Xin chào, {name}', { name: 'An' })).toBe('Xin chào, An');
    expect(fill('{n} thành viên', { n: 3 })).toBe('3 thành viên');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });

  it('starts in Vietnamese unless English was chosen', () => {
    expect(initialLocale(null)).toBe('vi');
    expect(initialLocale('en')).toBe('en');
    expect(initialLocale('fr')).toBe('vi');
  });
});

describe('the frame’s messages', () => {
  it('are apart from the modules’ (a key in both would be shadowed)', () => {
    expect(Object.keys(viFrame).filter((k) => k in viModules)).toEqual([]);
  });

  it('cover every message the first bundle shows (the modules’ load only with a page)', () => {
    // The files main.tsx loads at once: its static imports, transitively (a page's `import()` is not followed).
    const src = path.resolve(import.meta.dirname, '..');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import (?!type )[^;]*? from '(\.{1,2}\/[^']+)';$/gms)) {
        const base = path.resolve(path.dirname(file), m[1]);
        const found = ['.ts', '.tsx', '/index.ts'].map((x) => base + x).find((f) => fs.existsSync(f));
        if (found) visit(found);
      }
    };
    visit(path.join(src, 'main.tsx'));
    const files = [...seen].filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
    expect(files.map((f) => path.relative(src, f))).toContain('ui/layout.tsx');
    const used = new Set<string>();
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      // t('key'), and keys given as data (a menu entry's label, a link's title or hint).
      for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'|\b(?:label|title|hint): '([a-z]\w*\.[\w.]+)'/g)) used.add(m[1] ?? m[2]);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !(k in viFrame))).toEqual([]);
  });
});
