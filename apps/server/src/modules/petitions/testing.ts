import type { Db } from '../../db/db';
import type { App } from '../../platform/http';
import { sessionAs, type TestSession, type World } from '../../test/factories';

/** A ward's agency directory entry and the sessions petitions tests use, inside a makeWorld() world. */
export async function petitionSetup(db: Db, w: World) {
  const [{ code: sCode }] = await db.query<{ code: string }>('select code from units where id = $1', [w.S]);
  const [{ code: aCode }] = await db.query<{ code: string }>('select code from units where id = $1', [w.A]);
  const [{ id: agencyS }] = await db.query<{ id: number }>(`insert into petition_agencies (unit_id, name) values ($1, 'UBND phường Bắc Giang Thử') returning id`, [w.S]);
  const [{ id: agencyP }] = await db.query<{ id: number }>(`insert into petition_agencies (unit_id, name) values ($1, 'Sở Tài nguyên và Môi trường Thử') returning id`, [w.P]);
  const [{ id: agencyT }] = await db.query<{ id: number }>(`insert into petition_agencies (unit_id, name) values ($1, 'UBND phường Đa Mai Mới') returning id`, [w.T]);
  return {
    sCode,
    aCode,
    agencyS,
    agencyP,
    agencyT,
    staffS: await sessionAs(db, 'unit_staff', w.S),
    bttS: await sessionAs(db, 'standing_committee', w.S),
    staffT: await sessionAs(db, 'unit_staff', w.T),
    staffA: await sessionAs(db, 'unit_staff', w.A),
    bttC: await sessionAs(db, 'standing_committee', w.C),
    bttP: await sessionAs(db, 'standing_committee', w.P),
    leader: await sessionAs(db, 'leadership', w.P),
  };
}

export type Sessions = Awaited<ReturnType<typeof petitionSetup>>;

let seq = 0;
/** A distinct public submission (the duplicate check would refuse a repeated wording). */
export function publicBody(unitCode: string, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    kind: 'phan_anh',
    title: `Đèn đường hỏng số ${seq} ${Date.now()}`,
    content: `Đèn đường ngõ ${seq} không sáng đã hai tuần (${Math.random()}).`,
    unitCode,
    ...extra,
  };
}

export async function submit(app: App, body: Record<string, unknown>, ip = `127.9.${seq % 250}.${(Date.now() % 250) + 1}`) {
  return app.inject({ method: 'POST', url: '/api/public/petitions', payload: body, remoteAddress: ip });
}

export async function create(app: App, s: TestSession, body: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/api/petitions', headers: s.headers, payload: body });
  if (res.statusCode !== 200) throw new Error(`create failed ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; trackingCode: string; state: string; dueOn: string | null; acceptDueOn: string };
}

export async function act(app: App, s: TestSession, id: number, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/api/petitions/${id}/actions`, headers: s.headers, payload: body });
}
