import { beforeAll, describe, expect, it } from 'vitest';
import { useWorldApp } from '../../test/app';
import { FLOOD_LIMIT } from './public-service';
import { act, petitionSetup, publicBody, submit, type Sessions } from './testing';
import { ATTACHMENT_MAX_BYTES } from '@contract/petitions';

const t = useWorldApp();
let s: Sessions;
beforeAll(async () => {
  s = await petitionSetup(t.db, t.w);
});

// Rows of this file's world only: other files write to the same database at the same time.
const counts = async () =>
  (
    await t.db.query<{ p: number; e: number; a: number; l: number }>(
      `select (select count(*) from petitions where unit_id = $1)::int as p,
          (select count(*) from petition_events e join petitions x on x.id = e.petition_id where x.unit_id = $1)::int as e,
          (select count(*) from petition_attachments a join petitions x on x.id = a.petition_id where x.unit_id = $1)::int as a,
          (select count(*) from audit_log where unit_id = $1)::int as l`,
      [t.w.S],
    )
  )[0];

/** A multipart body by hand: fields and files. */
function multipart(fields: Record<string, string>, files: Array<{ name: string; type: string; data: Buffer }>) {
  const boundary = '----dk' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]);
const send = (fields: Record<string, string>, files: Array<{ name: string; type: string; data: Buffer }>, ip = '127.7.0.' + Math.floor(Math.random() * 250)) =>
  t.app.inject({ method: 'POST', url: '/api/public/petitions', remoteAddress: ip, ...multipart(fields, files) });

describe('the public form', () => {
  it('gives a tracking code; the status page shows the timeline and the published answer, nothing personal', async () => {
    const body = publicBody(s.sCode, { kind: 'kien_nghi', name: 'Lê Văn Công Khai', phone: '0987000111' });
    const res = await submit(t.app, body);
    expect(res.statusCode, res.body).toBe(200);
    const code = res.json().trackingCode as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/petitions/${code.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ trackingCode: code, state: 'received', unitName: 'Phường Bắc Giang Thử', answer: null });
    const [{ id }] = await t.db.query<{ id: number }>('select id from petitions where tracking_code = $1', [code]);
    await act(t.app, s.staffS, id, { action: 'accept' });
    await act(t.app, s.staffS, id, { action: 'forward', agencyId: s.agencyS, letterNo: '3/MTTQ', letterDate: new Date().toISOString().slice(0, 10) });
    await act(t.app, s.staffS, id, { action: 'answer', inWriting: true, summary: 'UBND phường đã thay bóng đèn.', publish: true });
    const after = (await t.app.inject({ method: 'GET', url: `/api/public/petitions/${code}` })).json();
    expect(after.state).toBe('answered');
    expect(after.answer).toMatchObject({ inWriting: true, summary: 'UBND phường đã thay bóng đèn.' });
    expect(after.timeline.map((e: { state: string }) => e.state)).toEqual(['received', 'accepted', 'forwarded', 'answered']);
    expect(after.timeline[2].agencyName).toBe('UBND phường Bắc Giang Thử');
    const text = JSON.stringify(after);
    for (const secret of ['Lê Văn Công Khai', '0987000111', body.title, body.content]) expect(text).not.toContain(secret);
  });

  it('keeps script out of stored text (stored harmlessly) and says so nowhere in the public page', async () => {
    const res = await submit(t.app, publicBody(s.sCode, { title: '<script>alert(1)</script>Cống thoát nước', content: 'Tắc cống <img src=x onerror=alert(1)> ngõ 5 <b>gấp</b>' }));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.db.query<{ title: string; content: string }>('select title, content from petitions where tracking_code = $1', [res.json().trackingCode]);
    expect(row.title).toBe('Cống thoát nước');
    expect(row.content).toBe('Tắc cống  ngõ 5 gấp');
    const only = await submit(t.app, publicBody(s.sCode, { title: '<script>alert(2)</script>' }));
    expect(only.statusCode).toBe(400);
    expect(only.json().error).toMatchObject({ code: 'PETITION_EMPTY_TEXT', message: 'Tiêu đề và nội dung không được để trống' });
  });

  it('takes PDF, JPEG and PNG attachments, checked by their bytes', async () => {
    const b = publicBody(s.sCode);
    const res = await send(b, [
      { name: 'anh-hien-truong.png', type: 'image/png', data: PNG },
      { name: 'don.pdf', type: 'application/pdf', data: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.query<{ mime: string; size: number }>(
      `select a.mime, a.size from petition_attachments a join petitions p on p.id = a.petition_id where p.tracking_code = $1 order by a.id`,
      [res.json().trackingCode],
    );
    expect(rows).toEqual([
      { mime: 'image/png', size: PNG.length },
      { mime: 'application/pdf', size: PDF.length },
    ]);
  });

  it('refuses a wrong-type or oversized attachment, or too many, with a clear message and nothing written', async () => {
    const before = await counts();
    const fake = await send(publicBody(s.sCode), [{ name: 'anh.png', type: 'image/png', data: Buffer.from('MZ\x90\x00 this is an exe') }]);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error).toMatchObject({ code: 'PETITION_ATTACHMENT_TYPE', message: 'Tệp đính kèm chỉ được là PDF, JPEG hoặc PNG' });
    const html = await send(publicBody(s.sCode), [{ name: 'x.pdf', type: 'application/pdf', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
    expect(html.json().error.code).toBe('PETITION_ATTACHMENT_TYPE');
    const big = await send(publicBody(s.sCode), [{ name: 'to.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)]) }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PETITION_ATTACHMENT_SIZE');
    expect(big.json().error.message).toContain('tối đa 2 MB');
    const many = await send(
      publicBody(s.sCode),
      Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, type: 'image/png', data: PNG })),
    );
    expect(many.json().error.code).toBe('PETITION_ATTACHMENT_SIZE');
    const long = await submit(t.app, publicBody(s.sCode, { content: 'x'.repeat(5001) }));
    expect(long.json().error.code).toBe('VALIDATION');
    expect(await counts()).toEqual(before);
  });

  it('recognises a repeated submission and holds off a flood from one address', async () => {
    const body = publicBody(s.sCode);
    expect((await submit(t.app, body, '127.6.0.1')).statusCode).toBe(200);
    const before = await counts();
    const again = await submit(t.app, { ...body, title: `  ${body.title.toUpperCase()} ` }, '127.6.0.2');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'PETITION_DUPLICATE', message: 'Kiến nghị này đã được gửi trước đó; vui lòng dùng mã theo dõi đã nhận' });
    expect(await counts()).toEqual(before);
    const ip = '127.6.1.' + Math.floor(Math.random() * 250);
    for (let i = 0; i < FLOOD_LIMIT.perWindow; i++) expect((await submit(t.app, publicBody(s.sCode), ip)).statusCode).toBe(200);
    const mid = await counts();
    const flood = await submit(t.app, publicBody(s.sCode), ip);
    expect(flood.statusCode).toBe(429);
    expect(flood.json().error.message).toBe('Bạn đã gửi quá nhiều kiến nghị trong thời gian ngắn; vui lòng thử lại sau');
    expect(await counts()).toEqual(mid);
    expect((await submit(t.app, publicBody(s.sCode), '127.6.2.1')).statusCode).toBe(200);
  });

  it('answers a malformed tracking code with a clear message, an unknown one with not found', async () => {
    for (const bad of ['abc', 'ABCD-EFGH-J0', '<script>', 'ABCD-EFGH-JK-XX', "' or 1=1 --"]) {
      const r = await t.app.inject({ method: 'GET', url: `/api/public/petitions/${encodeURIComponent(bad)}` });
      expect(r.statusCode, bad).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'PETITION_TRACKING_INVALID', message: 'Mã theo dõi không đúng định dạng (ví dụ: ABCD-EFGH-JK)' });
    }
    const none = await t.app.inject({ method: 'GET', url: '/api/public/petitions/ZZZZ-ZZZZ-ZZ' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('PETITION_NOT_FOUND');
  });
});

describe('documents attached by officials', () => {
  it("takes the agency's answer as a PDF from the ward, refuses fakes and other wards, serves it back to readers only", async () => {
    const res = await submit(t.app, publicBody(s.sCode));
    const [{ id }] = await t.db.query<{ id: number }>('select id from petitions where tracking_code = $1', [res.json().trackingCode]);
    const upload = (headers: Record<string, string>, data: Buffer) => {
      const m = multipart({ purpose: 'answer' }, [{ name: 'tra-loi.pdf', type: 'application/pdf', data }]);
      return t.app.inject({ method: 'POST', url: `/api/petitions/${id}/attachments`, payload: m.payload, headers: { ...headers, ...m.headers } });
    };
    const ok = await upload(s.staffS.headers, PDF);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().attachments).toEqual([expect.objectContaining({ purpose: 'answer', filename: 'tra-loi.pdf', mime: 'application/pdf', size: PDF.length })]);
    expect((await upload(s.staffS.headers, Buffer.from('not a pdf'))).json().error.code).toBe('PETITION_ATTACHMENT_TYPE');
    expect((await upload(s.staffT.headers, PDF)).json().error.code).toBe('OUT_OF_SCOPE');
    expect((await upload(s.leader.headers, PDF)).json().error.code).toBe('FORBIDDEN');
    const attId = ok.json().attachments[0].id;
    const got = await t.app.inject({ method: 'GET', url: `/api/petitions/${id}/attachments/${attId}`, headers: s.leader.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/petitions/${id}/attachments/${attId}`, headers: s.staffT.headers })).statusCode).toBe(403);
  });
});
