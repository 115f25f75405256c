// The term report of the demo city 2019 – mid-2024: a valid .docx in the Decree 30 layout whose text carries
// the figures the metrics give, and an .xlsx annex with one sheet per programme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import type { ReportJob } from '@contract/reports';
import type { RootDb } from '../../db/db';
import type { App } from '../../platform/http';
import { demoDb } from '../../test/db';
import { testApp } from '../../test/app';
import { sessionAs, type TestSession } from '../../test/factories';
import { computeMetric, getMetric, listMetrics } from '../../platform/metrics';
import { FIGURES, PROGRAMMES, SECTIONS, isCovered } from './coverage';
import { SEED_EXPECTED, agrees } from './seed-expected';
import { figureText } from './outline';
import { formatFigure } from './format';
import { slicePeriod } from './compute';
import { submitAndIssue, waitForJob } from './testing';
import { targetLines } from './targets';

let db: RootDb;
let app: App;
let s: TestSession;
let city: number;
let job: ReportJob;
let docXml: string;
let zip: JSZip;
const FROM = '2019-01-01';
// The demo's term report: 2019 to mid-2024, written before the congress (demo/households.ts, petitions.ts).
const TO = '2024-06-30';

beforeAll(async () => {
  db = await demoDb();
  app = await testApp(db);
  const [p] = await db.query<{ id: number }>(`select id from units where code = '24' and level = 'province' and valid_from <= '2025-07-01' and '2025-07-01' < valid_to`);
  [{ id: city }] = await db.query<{ id: number }>(`select id from units where code = '213' and level = 'district' and valid_from <= '2024-06-01' and '2024-06-01' < valid_to`);
  s = await sessionAs(db, 'standing_committee', p.id);
  const res = await app.inject({ method: 'POST', url: '/api/reports', headers: s.headers, payload: { template: 'term', unit: city, from: FROM, to: TO } });
  expect(res.statusCode).toBe(200);
  const draft = await waitForJob(app, res.json().id, s.headers, 300_000);
  expect(draft.findings, JSON.stringify(draft.findings)).toEqual([]);
  expect(draft.status).toBe('draft');
  job = await submitAndIssue(app, draft.id, s.headers);
  const file = await app.inject({ method: 'GET', url: `/api/reports/${job.id}/docx`, headers: s.headers });
  zip = await JSZip.loadAsync(file.rawPayload);
  docXml = await zip.file('word/document.xml')!.async('string');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** Paragraph texts of the document, runs joined. */
const paragraphs = () => docXml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
const unescape = (x: string) => x.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"');

describe('term report of the demo city, 2019–2024', () => {
  it('has the Decree 30 head: issuing body, number, national title and motto, place and date', () => {
    const text = paragraphs().map(unescape);
    expect(text).toContain('ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM');
    expect(text).toContain('THÀNH PHỐ BẮC GIANG');
    expect(text).toContain(`Số: ${job.issued!.symbol}`);
    expect(job.issued!.symbol).toMatch(/^1\/BC-MTTQ$/);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text.some((p) => /^Bắc Giang, ngày \d{2} tháng \d{2} năm \d{4}$/.test(p))).toBe(true);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện Chương trình hành động nhiệm kỳ 2019 – 2024');
    // Part One's outline in the seed's order, numbered by the sections present (no gaps).
    const headings = text.filter((p) => (/^\d+(\.\d+)*\. /.test(p) && !/^\d+\. .*[:.]$/.test(p)) || /^[IVX]+\. /.test(p));
    expect(headings[0]).toBe('I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG NHIỆM KỲ 2019 – 2024');
    expect(headings).toContain('1. Kết quả thực hiện các chương trình hành động');
    const numbers = headings.filter((h) => /^\d/.test(h)).map((h) => h.split(' ')[0].replace(/\.$/, ''));
    const seen = new Set<string>();
    for (const n of numbers) {
      const parts = n.split('.').map(Number);
      const parent = parts.slice(0, -1).join('.');
      const last = parts.at(-1)!;
      // Each heading is the first child of its parent, or follows its previous sibling.
      expect(last === 1 || seen.has([...parts.slice(0, -1), last - 1].join('.')), `${n} in ${numbers.join(' ')}`).toBe(true);
      if (parent) expect(seen.has(parent), n).toBe(true);
      seen.add(n);
    }
    const order = SECTIONS.map((x) => x.title.replace(/^\d+(\.\d+)*\.\s+/, ''))
      .map((t) => headings.findIndex((h) => h.endsWith(t)))
      .filter((i) => i >= 0);
    expect(order.length).toBeGreaterThan(3);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('is A4 with Decree 30 margins, Times New Roman 13–14, numbered from page 2', async () => {
    const sect = docXml.slice(docXml.lastIndexOf('<w:sectPr'));
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = Object.fromEntries([...sect.match(/<w:pgMar [^>]*>/)![0].matchAll(/w:(\w+)="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
    const mm = (tw: number) => tw / 56.7;
    expect(mm(mar.top)).toBeGreaterThanOrEqual(20);
    expect(mm(mar.top)).toBeLessThanOrEqual(25);
    expect(mm(mar.bottom)).toBeGreaterThanOrEqual(20);
    expect(mm(mar.bottom)).toBeLessThanOrEqual(25);
    expect(mm(mar.left)).toBeGreaterThanOrEqual(30);
    expect(mm(mar.left)).toBeLessThanOrEqual(35);
    expect(mm(mar.right)).toBeGreaterThanOrEqual(15);
    expect(mm(mar.right)).toBeLessThanOrEqual(20);
    expect(sect).toContain('<w:titlePg');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const defaults = styles.slice(styles.indexOf('<w:docDefaults'), styles.indexOf('</w:docDefaults>'));
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman" [^>]*w:hAnsi="Times New Roman"/);
    expect(defaults).toMatch(/<w:sz w:val="28"/);
    const sizes = [...docXml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    for (const sz of sizes) {
      expect(sz).toBeGreaterThanOrEqual(26);
      expect(sz).toBeLessThanOrEqual(28);
    }
    expect(docXml).not.toMatch(/<w:rFonts w:ascii="(?!Times New Roman)/);
    // The default header carries the page number; the first page has its own header without one.
    const refs = [...sect.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"/g)].map((m) => ({ type: m[1], id: m[2] }));
    expect(refs.map((r) => r.type).sort()).toEqual(['default', 'first']);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const target = (id: string) => rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`))![1];
    const header = async (type: string) => zip.file(`word/${target(refs.find((r) => r.type === type)!.id)}`)!.async('string');
    expect(await header('default')).toContain('PAGE');
    expect(await header('first')).not.toContain('PAGE');
  });

  it('states every figure the metrics give, and no line for a figure nothing measures', async () => {
    const text = paragraphs().map(unescape);
    const registered = new Set(listMetrics().map((m) => m.key));
    let measured = 0;
    for (const fig of FIGURES.filter((f) => f.metric)) {
      let expected: number | null = null;
      if (registered.has(fig.metric!.key)) {
        const p = slicePeriod({ from: FROM, to: TO }, fig.period);
        const row = (await computeMetric(db, getMetric(fig.metric!.key), { unitIds: [city], from: p.from, to: p.to, view: 'now' })).get(city)!;
        expected = fig.metric!.dim ? (row.byDim[fig.metric!.dim] ?? 0) : row.value;
        measured++;
      }
      if (expected === null)
        expect(
          text.some((p) => p.startsWith(`- ${fig.wording}: `)),
          fig.id,
        ).toBe(false);
      else expect(text, fig.id).toContain(`- ${figureText(fig, { from: FROM, to: TO })}: ${formatFigure(expected, fig.uom)}.`);
    }
    expect(measured).toBeGreaterThan(0);
    // (Only a target may say it is not measured yet; no figure line does.)
    expect(text.filter((p) => p.startsWith('- ') && !p.startsWith('- Chỉ tiêu') && p.includes('chưa có số liệu'))).toEqual([]);
  });

  it("reproduces the seed: every figure a metric computes prints the seed's value (seed-expected.ts), poverty and gratitude fund included", () => {
    const text = paragraphs().map(unescape);
    const registered = new Set(listMetrics().map((m) => m.key));
    const covered = FIGURES.filter((f) => !f.extra && isCovered(f, (k) => registered.has(k)));
    const wrong: string[] = [];
    for (const fig of covered) {
      const x = SEED_EXPECTED.find((e) => e.id === fig.id)!;
      const prefix = `- ${figureText(fig, { from: FROM, to: TO })}: `;
      const line = text.find((p) => p.startsWith(prefix));
      const printed = line?.slice(prefix.length, -1) ?? '(not printed)';
      const v = Number(
        printed
          .replace(/ đồng$/, '')
          .replace(/%$/, '')
          .replaceAll('.', '')
          .replace(',', '.'),
      );
      if (!line || !agrees(x, v)) wrong.push(`${fig.id}: printed ${printed}, seed ${x.op} ${x.value} — “${x.sentence}”`);
    }
    expect(wrong).toEqual([]);
    const ids = covered.map((f) => f.id);
    for (const id of [
      'poor.rate_first',
      'poor.rate_last',
      'poor.reduction',
      'grat.fund',
      'poor.fund_raised',
      'relief.covid_total',
      'relief.vaccine_fund',
      'relief.floods_transferred',
      'relief.fire_drowning',
      'org.members_admitted',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(text).toContain('- Tỷ lệ hộ nghèo (năm 2019): 0,6%.');
    expect(text).toContain('- Tỷ lệ hộ nghèo (năm 2023): 0,39%.');
    expect(text).toContain('- Số hộ nghèo giảm so với đầu nhiệm kỳ (2019–2023): 84.');
  });

  it('the Tết gift total is the one fund.gift_value gives', async () => {
    const text = paragraphs().map(unescape).join('\n');
    const v = (await computeMetric(db, getMetric('fund.gift_value'), { unitIds: [city], from: FROM, to: TO, view: 'now' })).get(city)!.value;
    expect(text).toContain(`- “Tết vì người nghèo”: trị giá quà: ${formatFigure(v, 'vnd')}.`);
  });

  it("states the city's targets of 2024 as the targets engine judges them", async () => {
    const text = paragraphs().map(unescape);
    const lines = await targetLines(db, city, 2024);
    expect(lines.length).toBeGreaterThan(0);
    expect(text).toContain('II. TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU');
    for (const l of lines) expect(text).toContain(`- ${l.label}: ${l.value} (${l.status}).`);
  });

  it('has an .xlsx annex exceljs reads back: one sheet per programme, the wards as columns', async () => {
    const file = await app.inject({ method: 'GET', url: `/api/reports/${job.id}/xlsx`, headers: s.headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(PROGRAMMES.map((p) => p.sheet));
    const ws = wb.getWorksheet('CT3 Thi đua, cuộc vận động')!;
    const head = (ws.getRow(4).values as unknown[]).slice(1);
    expect(head.slice(0, 4)).toEqual(['STT', 'Nội dung', 'Đơn vị tính', 'Thành phố Bắc Giang']);
    expect(head.length).toBe(3 + 1 + 16 + 1);
    expect(head.at(-1)).toBe('Nguồn số liệu (chỉ số)');
    let row = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(2).value === '“Tết vì người nghèo”: số suất quà trao tặng') row = i;
    });
    expect(row).toBeGreaterThan(4);
    const stored = job.issued
      ? (await db.query<{ v: number | null }>(`select (figures->>'poor.tet_gifts')::float8 as v from report_issues where job_id = $1`, [job.id]))[0].v
      : null;
    expect(ws.getRow(row).getCell(4).value).toBe(stored === null ? 'chưa có số liệu' : stored);
    expect(ws.getRow(row).getCell(head.length).value).toBe('fund.gift_packages');
  });
});
