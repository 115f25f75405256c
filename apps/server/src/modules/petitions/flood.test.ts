import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { FLOOD_LIMIT } from './public-service';
import { petitionSetup, publicBody, submit, type Sessions } from './testing';

const t = useWorldApp();
let s: Sessions;
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
});

describe('the public form flood limit', () => {
  it('holds under 13 parallel submissions from one address: exactly the limit is accepted', async () => {
    const ip = `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const results = await Promise.all(Array.from({ length: 13 }, () => submit(t.app, publicBody(s.sCode), ip)));
    const codes = results.map((r) => (r.statusCode === 200 ? 'ok' : r.json().error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(FLOOD_LIMIT.perWindow);
    expect(codes.filter((c) => c !== 'ok').every((c) => c === 'PETITION_RATE_LIMITED' || c === 'RATE_LIMITED')).toBe(true);
  });
});
