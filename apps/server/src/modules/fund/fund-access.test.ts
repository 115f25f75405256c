// Access matrix for the fund routes, from the side that must be refused: who (role at a unit) ×
// whose books (own ward A, sibling ward B, the city C that ended on 30 June 2025, the new ward S
// that took over A) × what (read, record, propose, approve, close) × when. Refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@contract/access';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { testDb } from '../../test/db';
import { testApp } from '../../test/app';
import { makeWorld, sessionAs, type World } from '../../test/factories';
import { recordDonation } from './donation-service';
import { countOwn, expectBooksBalanced, makeFund } from './testing';

let db: RootDb;
let app: App;
let w: World;
type Who = 'accA' | 'bttA' | 'staffA' | 'villageA1' | 'leaderP' | 'memberA' | 'accC' | 'accS' | 'admin';
type Books = 'A' | 'B' | 'C' | 'S';
const WHO: Record<Who, [Role, keyof World | null]> = {
  accA: ['fund_accountant', 'A'],
  bttA: ['standing_committee', 'A'],
  staffA: ['unit_staff', 'A'],
  villageA1: ['village_head', 'A1'],
  leaderP: ['leadership', 'P'],
  memberA: ['member_org', 'A'],
  accC: ['fund_accountant', 'C'],
  accS: ['fund_accountant', 'S'],
  admin: ['admin', null],
};
const headers = {} as Record<Who, Record<string, string>>;
const funds = {} as Record<Books, number>;
const cashes = {} as Record<Books, number>;
// A proposal per books, made by the admin, for approval attempts.
const proposals = {} as Record<Books, number[]>;

beforeAll(async () => {
  db = await testDb();
  w = await makeWorld(db);
  app = await testApp(db);
  for (const [who, [role, unit]] of Object.entries(WHO) as Array<[Who, [Role, keyof World | null]]>) {
    headers[who] = (await sessionAs(db, role, unit ? (w[unit] as number) : null)).headers;
  }
  const admin = (await sessionAs(db, 'admin', null)).user;
  for (const b of ['A', 'B', 'C', 'S'] as Books[]) {
    const unit = w[b] as number;
    const opened = b === 'S' ? '2025-07-01' : '2019-01-01';
    const made = await makeFund(db, unit, 'vi_nguoi_ngheo', opened);
    funds[b] = made.fundId;
    cashes[b] = made.cash;
    await recordDonation({ db, user: admin }, { fundId: funds[b], receivedOn: opened, amount: 50_000_000, donorKind: 'organisation', donorName: 'Quỹ ban đầu' });
    proposals[b] = [];
  }
});
afterAll(async () => {
  await expectBooksBalanced(db, [w.A, w.B, w.C, w.S]);
  await app?.close();
  await db?.close();
});

const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: headers[who], ...(payload ? { payload } : {}) });

const unitOf = (b: Books) => w[b] as number;
const dateFor = (b: Books) => (b === 'S' ? '2025-08-01' : '2024-03-01');

type Case = [Who, Books, 'ok' | string];

// Reading the books.
const READ: Case[] = [
  ['accA', 'A', 'ok'],
  ['accA', 'B', 'OUT_OF_SCOPE'],
  ['accA', 'C', 'OUT_OF_SCOPE'],
  ['accA', 'S', 'OUT_OF_SCOPE'],
  ['villageA1', 'A', 'OUT_OF_SCOPE'],
  ['memberA', 'A', 'FORBIDDEN'],
  ['leaderP', 'A', 'ok'],
  ['leaderP', 'C', 'ok'],
  ['accS', 'A', 'ok'],
  ['accS', 'B', 'ok'],
  ['accS', 'C', 'OUT_OF_SCOPE'],
  ['accC', 'B', 'ok'],
];
// Recording a donation dated during the books' life (2024; S from its start).
const RECORD: Case[] = [
  ['accA', 'A', 'ok'],
  ['staffA', 'A', 'ok'],
  ['accA', 'B', 'OUT_OF_SCOPE'],
  ['accA', 'C', 'OUT_OF_SCOPE'],
  ['bttA', 'A', 'FORBIDDEN'],
  ['villageA1', 'A', 'FORBIDDEN'],
  ['leaderP', 'A', 'FORBIDDEN'],
  ['memberA', 'A', 'FORBIDDEN'],
  ['accC', 'A', 'ok'],
  ['accC', 'C', 'ok'],
  ['accC', 'S', 'UNIT_ENDED'],
  ['accS', 'S', 'ok'],
  ['accS', 'B', 'ok'],
];

describe('fund access matrix', () => {
  it.each(READ)('%s reading the books of %s → %s', async (who, b, expected) => {
    const u = unitOf(b);
    for (const url of [
      `/api/fund/funds?unit=${u}`,
      `/api/fund/funds?unit=${u}&scope=subtree`,
      `/api/fund/ledger?unit=${u}`,
      `/api/fund/funds/${funds[b]}`,
      `/api/fund/campaigns?unit=${u}&scope=subtree`,
      `/api/fund/disbursements?unit=${u}`,
      `/api/fund/donations?fund=${funds[b]}`,
      `/api/fund/accounts?unit=${u}`,
    ]) {
      const res = await call(who, 'GET', url);
      if (expected === 'ok') expect(res.statusCode, url).toBe(200);
      else expect(res.json().error.code, url).toBe(expected);
    }
  });

  it.each(RECORD)('%s recording a donation in the books of %s → %s', async (who, b, expected) => {
    const before = [await countOwn(db, 'fund_donations', w), await countOwn(db, 'fund_entries', w)];
    const res = await call(who, 'POST', '/api/fund/donations', {
      fundId: funds[b],
      receivedOn: dateFor(b),
      amount: 100_000,
      donorKind: 'individual',
      donorName: 'Nguyễn Văn Thử',
    });
    if (expected === 'ok') {
      expect(res.statusCode).toBe(200);
      return;
    }
    expect(res.json().error).toMatchObject({ code: expected, message: expect.any(String) });
    expect([await countOwn(db, 'fund_donations', w), await countOwn(db, 'fund_entries', w)]).toEqual(before);
  });

  it("nobody records in the ended city's books after 30 June 2025", async () => {
    const before = await countOwn(db, 'fund_entries', w);
    const payload = (date: string) => ({ fundId: funds.C, receivedOn: date, amount: 1000, donorKind: 'anonymous' });
    expect((await call('accC', 'POST', '/api/fund/donations', payload('2025-06-30'))).statusCode).toBe(200);
    expect((await call('accC', 'POST', '/api/fund/donations', payload('2025-07-01'))).json().error.code).toBe('UNIT_ENDED');
    expect((await call('admin', 'POST', '/api/fund/donations', payload('2025-07-01'))).json().error.code).toBe('UNIT_NOT_VALID_AT_DATE');
    expect((await call('accS', 'POST', '/api/fund/donations', payload('2025-07-02'))).json().error.code).toBe('OUT_OF_SCOPE');
    expect(
      (
        await call('accC', 'POST', '/api/fund/disbursements', {
          fundId: funds.C,
          kind: 'other',
          purpose: 'other',
          amount: 1000,
          paidOn: '2025-07-10',
          beneficiaryName: 'X',
        })
      ).json().error.code,
    ).toBe('UNIT_ENDED');
    expect(await countOwn(db, 'fund_entries', w)).toBe(before + 1);
  });

  it('approving: only the approving role, in scope, never the proposer', async () => {
    for (const b of ['A', 'B'] as Books[]) {
      const res = await call('admin', 'POST', '/api/fund/disbursements', {
        fundId: funds[b],
        kind: 'household',
        purpose: 'hardship',
        amount: 100_000,
        paidOn: '2024-04-01',
        beneficiaryName: 'Hoàng Thị Mẫu',
      });
      expect(res.statusCode).toBe(200);
      proposals[b].push(res.json().id);
    }
    const entries = await countOwn(db, 'fund_entries', w);
    expect((await call('accA', 'POST', `/api/fund/disbursements/${proposals.A[0]}/approve`, {})).json().error.code).toBe('FORBIDDEN');
    expect((await call('staffA', 'POST', `/api/fund/disbursements/${proposals.A[0]}/approve`, {})).json().error.code).toBe('FORBIDDEN');
    expect((await call('bttA', 'POST', `/api/fund/disbursements/${proposals.B[0]}/approve`, {})).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await call('admin', 'POST', `/api/fund/disbursements/${proposals.A[0]}/approve`, {})).json().error.code).toBe('FUND_SELF_APPROVAL');
    expect(await countOwn(db, 'fund_entries', w)).toBe(entries);
    const ok = await call('bttA', 'POST', `/api/fund/disbursements/${proposals.A[0]}/approve`, {});
    expect(ok.json()).toMatchObject({ status: 'approved' });
  });

  it('handing a balance over from the ended ward to its successor: both sides in scope, two people, as two recorded entries', async () => {
    const body = {
      fromFundId: funds.A,
      fromAccountId: cashes.A,
      toFundId: funds.S,
      toAccountId: cashes.S,
      amount: 1_000_000,
      date: '2025-06-30',
      inDate: '2025-07-01',
      memo: 'Bàn giao số dư quỹ',
      reason: 'Sáp nhập đơn vị',
    };
    expect((await call('accA', 'POST', '/api/fund/transfers', body)).json().error.code).toBe('UNIT_ENDED');
    expect((await call('accS', 'POST', '/api/fund/transfers', { ...body, date: '2025-07-01' })).json().error.code).toBe('OUT_OF_SCOPE');
    const proposed = await call('admin', 'POST', '/api/fund/transfers', body);
    expect(proposed.json()).toMatchObject({ status: 'proposed', kind: 'transfer' });
    expect((await call('admin', 'POST', `/api/fund/proposals/${proposed.json().id}/approve`, {})).json().error.code).toBe('FUND_SELF_DECISION');
    const second = await sessionAs(db, 'admin', null);
    const ok = await app.inject({ method: 'POST', url: `/api/fund/proposals/${proposed.json().id}/approve`, payload: {}, headers: second.headers });
    expect(ok.statusCode).toBe(200);
    const { outEntryId, inEntryId } = ok.json().result;
    const kinds = await db.query<{ kind: string; unit_id: number; entry_date: string }>(
      'select kind, unit_id, entry_date from fund_entries where id = any($1::bigint[]) order by id',
      [[outEntryId, inEntryId]],
    );
    expect(kinds).toEqual([
      { kind: 'transfer_out', unit_id: w.A, entry_date: '2025-06-30' },
      { kind: 'transfer_in', unit_id: w.S, entry_date: '2025-07-01' },
    ]);
  });

  it('closing a month: fund.manage in scope; the standing committee of a sibling may not', async () => {
    expect((await call('staffA', 'POST', '/api/fund/closings', { unitId: w.A, month: '2020-01' })).json().error.code).toBe('FORBIDDEN');
    expect((await call('accA', 'POST', '/api/fund/closings', { unitId: w.B, month: '2020-01' })).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await call('accA', 'POST', '/api/fund/closings', { unitId: w.A, month: '2020-01' })).statusCode).toBe(200);
  });

  it('bad input: a stable code with a Vietnamese message, and nothing written', async () => {
    const before = await countOwn(db, 'fund_donations', w);
    const res = await call('accA', 'POST', '/api/fund/donations', { fundId: funds.A, receivedOn: '2024-13-01', amount: -5, donorKind: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', message: 'Dữ liệu không hợp lệ' });
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/fund/donations',
      headers: { cookie: headers.accA.cookie },
      payload: { fundId: funds.A, receivedOn: '2024-01-01', amount: 5, donorKind: 'anonymous' },
    });
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');
    expect(await countOwn(db, 'fund_donations', w)).toBe(before);
  });
});
