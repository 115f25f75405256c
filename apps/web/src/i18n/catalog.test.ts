import { describe, expect, it } from 'vitest';
import { vi } from './vi';
import { en } from './en';
import { fill, initialLocale, placeholders } from './translate';

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
