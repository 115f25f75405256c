import { describe, expect, it } from 'vitest';
import { z } from './zod-inert';

describe('zod stand-in for the browser build', () => {
  it('accepts the schema-building calls the contract makes at import time', () => {
    const zz = z as any; // untyped on purpose: it stands in for every zod builder
    expect(() => {
      const Id = zz.coerce.number().int().positive();
      const Obj = zz.object({ id: Id, name: zz.string().trim().min(1) }).refine(() => true, { path: ['x'] });
      Obj.extend({ more: zz.enum(['a', 'b']).optional() });
    }).not.toThrow();
  });

  it('refuses to pretend it validates', () => {
    const zz = z as any;
    expect(() => zz.object({}).parse({})).toThrow(/not bundled/);
    expect(() => zz.string().safeParse('x')).toThrow(/not bundled/);
  });
});
