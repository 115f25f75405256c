import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { testApp } from '../../test/app';
import { testDb } from '../../test/db';
import { makeWorld, sessionAs, type TestSession, type World } from '../../test/factories';
import { today } from '../../platform/access';
import { addDays } from '../petitions/rules';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { act, create, petitionSetup, publicBody, submit } from '../petitions/testing';
import { queueDeadlineReminders } from './staff';
import { smtpSender, type Sender } from './adapters';
import { parseContact } from './contacts';

type Mail = { to: string; raw: string };
const mails: Mail[] = [];
const texts: Array<{ to: string; text: string }> = [];
let smtp: SMTPServer;
let db: RootDb;
let w: World;
let app: App;
let s: Awaited<ReturnType<typeof petitionSetup>>;
let failNext = 0;

// A real SMTP server on loopback: what the mail adapter sends is what a mailbox would receive.
beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          return cb(new Error('451 mailbox busy'));
        }
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  const sms: Sender = {
    async send(to, _subject, text) {
      texts.push({ to, text });
    },
  };
  db = await testDb();
  w = await makeWorld(db);
  s = await petitionSetup(db, w);
  app = await testApp(db, { senders: { email: smtpSender(`smtp://127.0.0.1:${port}`, 'Đoàn Kết <khong-tra-loi@doanket.local>'), sms } });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  await new Promise<void>((r) => smtp.close(r));
});

/** The text body of a received single-part message (quoted-printable or base64, UTF-8) and its headers. */
function decoded(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return head + '\n' + Buffer.from(body, 'base64').toString('utf8');
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => `%${h}`);
  return head + '\n' + decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
}

describe('notifications that reach people', () => {
  it('mails the tracking code to the e-mail given on the public form, texts the phone, and tells each status change', async () => {
    const email = `cong.dan.${Date.now()}@example.vn`;
    const res = await submit(app, publicBody(s.sCode, { kind: 'to_cao', name: 'Trần Thị Bí Mật', address: 'Số 9 ngõ Kín', email, phone: '+84 912 345 678' }));
    expect(res.statusCode, res.body).toBe(200);
    const code = res.json().trackingCode as string;
    await app.notify.drain();
    const mail = mails.find((m) => m.to === email);
    expect(mail, 'the SMTP server received the message').toBeTruthy();
    expect(decoded(mail!.raw)).toContain(code);
    expect(texts.find((t) => t.to === '0912345678')?.text).toContain(code);
    // The denouncer's identity goes nowhere: not in the mail, the text, the outbox payload or the audit trail.
    const [{ payloads, trail }] = await db.query<{ payloads: string; trail: string }>(
      `select (select string_agg(payload::text || template, ' ') from notification_outbox o join petitions p on p.id = o.petition_id where p.tracking_code = $1) as payloads,
              (select string_agg(coalesce(after::text, ''), ' ') from audit_log where entity in ('notification', 'petition')) as trail`,
      [code],
    );
    for (const secret of ['Trần Thị Bí Mật', 'Số 9 ngõ Kín', email, '0912345678', '912 345 678']) {
      expect(decoded(mail!.raw)).not.toContain(secret === email ? 'Bí Mật' : secret);
      expect(payloads).not.toContain(secret);
      expect(trail).not.toContain(secret);
    }
    const [{ id }] = await db.query<{ id: number }>('select id from petitions where tracking_code = $1', [code]);
    expect((await act(app, s.staffS, id, { action: 'accept' })).statusCode).toBe(200);
    await app.notify.drain();
    const status = mails.filter((m) => m.to === email).map((m) => decoded(m.raw));
    expect(status).toHaveLength(2);
    expect(status[1]).toContain(code);
    expect(status[1]).toContain('Đã thụ lý');
  });

  it('retries a message the mail server refused, and audits each outcome', async () => {
    failNext = 1;
    const email = `thu.lai.${Date.now()}@example.vn`;
    const res = await submit(app, publicBody(s.sCode, { email }));
    expect(res.statusCode).toBe(200);
    await app.notify.drain();
    const [row] = await db.query<{ id: number; status: string; attempts: number }>(
      `select o.id, o.status, o.attempts from notification_outbox o join petitions p on p.id = o.petition_id where p.tracking_code = $1`,
      [res.json().trackingCode],
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(mails.some((m) => m.to === email)).toBe(false);
    await db.query(`update notification_outbox set next_attempt_at = now() where id = $1`, [row.id]);
    await app.notify.drain();
    const [after] = await db.query<{ status: string; attempts: number }>('select status, attempts from notification_outbox where id = $1', [row.id]);
    expect(after).toEqual({ status: 'sent', attempts: 2 });
    expect(mails.some((m) => m.to === email)).toBe(true);
    const actions = (await db.query<{ action: string }>(`select action from audit_log where entity = 'notification' and entity_id = $1 order by id`, [String(row.id)])).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['send_retry', 'send']);
  });

  it('"my petitions": a one-time code sent to the contact recovers the tracking codes; a wrong or reused code is refused', async () => {
    const email = `tim.lai.${Date.now()}@example.vn`;
    const a = (await submit(app, publicBody(s.sCode, { email }))).json().trackingCode as string;
    const b = (await submit(app, publicBody(s.sCode, { email: email.toUpperCase() }))).json().trackingCode as string;
    await app.notify.drain();
    const ask = await app.inject({ method: 'POST', url: '/api/public/my-petitions/code', payload: { contact: ` ${email} ` } });
    expect(ask.statusCode, ask.body).toBe(200);
    await app.notify.drain();
    const last = decoded(mails.filter((m) => m.to === email).at(-1)!.raw);
    const otp = /Mã xác nhận[^\d]*(\d{6})/.exec(last)?.[1];
    expect(otp).toMatch(/^\d{6}$/);
    const wrong = await app.inject({ method: 'POST', url: '/api/public/my-petitions', payload: { contact: email, code: otp === '000000' ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'NOTIFY_CODE_INVALID', message: 'Mã xác nhận không đúng hoặc đã hết hạn; vui lòng yêu cầu mã mới' });
    const ok = await app.inject({ method: 'POST', url: '/api/public/my-petitions', payload: { contact: email, code: otp } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      ok
        .json()
        .items.map((i: { trackingCode: string }) => i.trackingCode)
        .sort(),
    ).toEqual([a, b].sort());
    const again = await app.inject({ method: 'POST', url: '/api/public/my-petitions', payload: { contact: email, code: otp } });
    expect(again.statusCode).toBe(400);
  });

  it('answers the same for a contact that sent nothing (no code leaves), limits codes per hour, refuses a malformed contact', async () => {
    const stranger = `khong.gui.${Date.now()}@example.vn`;
    const before = mails.length;
    const res = await app.inject({ method: 'POST', url: '/api/public/my-petitions/code', payload: { contact: stranger } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: true, minutes: 10 });
    await app.notify.drain();
    expect(mails.length).toBe(before);
    for (let i = 0; i < 2; i++) expect((await app.inject({ method: 'POST', url: '/api/public/my-petitions/code', payload: { contact: stranger } })).statusCode).toBe(200);
    const fourth = await app.inject({ method: 'POST', url: '/api/public/my-petitions/code', payload: { contact: stranger } });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('NOTIFY_CODE_LIMIT');
    const bad = await app.inject({ method: 'POST', url: '/api/public/my-petitions/code', payload: { contact: 'không phải liên hệ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('NOTIFY_CONTACT_INVALID');
  });
});

describe('deadline reminders to staff', () => {
  const setEmail = (who: TestSession, email: string | null) =>
    app.inject({ method: 'PUT', url: '/api/me/notifications', headers: who.headers, payload: { email, deadlines: true } });

  it('a staff member sets their own address; what is not an e-mail is refused with nothing written, and the audit keeps no address', async () => {
    for (const [bad, code] of [
      ['không phải thư', 'NOTIFY_CONTACT_INVALID'],
      ['0912 345 678', 'NOTIFY_EMAIL_INVALID'],
    ] as const) {
      const res = await setEmail(s.staffT, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/thư điện tử/);
    }
    expect((await app.inject({ method: 'GET', url: '/api/me/notifications', headers: s.staffT.headers })).json()).toEqual({ email: null, deadlines: true });
    expect((await setEmail(s.staffT, ' Can.Bo.DaMai@Example.VN ')).json()).toEqual({ email: 'can.bo.damai@example.vn', deadlines: true });
    const [{ trail }] = await db.query<{ trail: string }>(`select string_agg(after::text, ' ') as trail from audit_log where entity = 'user_notifications'`);
    expect(trail).toContain('"email": true');
    expect(trail).not.toContain('damai@');
  });

  it('once a day, each staff member who reads petitions is mailed the counts of overdue and due petitions in their scope — no titles, nobody else', async () => {
    const staff = `can.bo.s.${Date.now()}@example.vn`;
    const quiet = `can.bo.t.${Date.now()}@example.vn`;
    const noRight = `mat.tran.${Date.now()}@example.vn`;
    const member = await sessionAs(db, 'member_org', w.S);
    expect((await setEmail(s.staffS, staff)).statusCode).toBe(200);
    expect((await setEmail(s.staffT, quiet)).statusCode).toBe(200);
    expect((await setEmail(member, noRight)).statusCode).toBe(200);
    const title = `Đèn đường hỏng ${Date.now()}`;
    expect(
      (await create(app, s.staffS, { unitId: w.S, channel: 'reception', kind: 'kien_nghi', title, content: 'Nội dung', receivedOn: addDays(today(), -40) })).id,
    ).toBeGreaterThan(0);

    const queued = await queueDeadlineReminders(db, today());
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(await queueDeadlineReminders(db, today()), 'a second run the same day queues nothing').toBeNull();
    await app.notify.drain();
    const got = mails.filter((m) => m.to === staff).map((m) => decoded(m.raw));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/\d+ đơn quá hạn/);
    expect(got[0]).toContain('/petitions?overdue=1');
    expect(got[0]).not.toContain(title);
    expect(
      mails.some((m) => m.to === quiet),
      'a ward with nothing due gets no mail',
    ).toBe(false);
    expect(
      mails.some((m) => m.to === noRight),
      'a member organisation without petition.read gets no mail',
    ).toBe(false);
  });
});

describe('contacts', () => {
  it('normalises phone numbers and e-mails', () => {
    expect(parseContact('+84 912.345.678')).toEqual({ channel: 'sms', value: '0912345678' });
    expect(parseContact('0912-345-678')).toEqual({ channel: 'sms', value: '0912345678' });
    expect(parseContact(' A.B@Example.VN ')).toEqual({ channel: 'email', value: 'a.b@example.vn' });
    expect(() => parseContact('12345')).toThrow();
  });
});
