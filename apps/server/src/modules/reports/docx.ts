import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock } from '@contract/reports';
import { viDateLine } from './format';

/** Decree 30/2020/NĐ-CP layout: A4, margins (twips: 1 mm = 56.7), Times New Roman 13–14. */
export const LAYOUT = {
  pageWidth: 11906,
  pageHeight: 16838,
  top: 1134,
  bottom: 1134,
  left: 1701,
  right: 1134, // 20, 20, 30, 20 mm
  font: 'Times New Roman',
  body: 28,
  small: 26, // half-points: 14 pt, 13 pt
} as const;

export type ReportHead = {
  parentBody: string; // "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM"
  issuingBody: string; // "THÀNH PHỐ BẮC GIANG"
  symbol: string; // "12/BC-MTTQ"
  place: string; // "Bắc Giang"
  issuedOn: string; // ISO date
  title: string; // "Kết quả thực hiện Chương trình hành động nhiệm kỳ 2019 – 2024"
  partOneHeading?: string;
  resultsHeading: string; // "I. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG NHIỆM KỲ 2019 – 2024"
};

type Occ = Map<string, Set<string>>;
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? LAYOUT.body, underline: o.underline ? {} : undefined });
const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: boolean } = {}) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
    indent: o.indent ? { firstLine: 567 } : undefined,
  });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const center = (lines: TextRun[][], after = 0) => lines.map((l) => para(l, { align: AlignmentType.CENTER, after }));

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
}

/** Issuing body and number on the left; national title, motto, place and date on the right. */
function headTable(h: ReportHead): Table {
  const left = [
    ...center([[run(h.parentBody, { size: LAYOUT.small })], [run(h.issuingBody, { bold: true, size: LAYOUT.small })], [run('———', { size: LAYOUT.small })]]),
    ...center([[run(`Số: ${h.symbol}`, { size: LAYOUT.small })]]),
  ];
  const right = [
    ...center([
      [run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: LAYOUT.small })],
      [run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: LAYOUT.body, underline: true })],
      [run(' ', { size: LAYOUT.small })],
    ]),
    ...center([[run(viDateLine(h.place, h.issuedOn), { italics: true, size: LAYOUT.body })]]),
  ];
  return new Table({
    rows: [new TableRow({ children: [cell(left, 40), cell(right, 60)] })],
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

function note(occ: Occ, id: string, text: string): void {
  if (!occ.has(id)) occ.set(id, new Set());
  occ.get(id)!.add(text);
}

/** Renders the report's blocks (outline.ts) in the Decree 30 layout; `occ` collects every printed value of every figure. */
export async function renderDocx(head: ReportHead, blocks: ReportBlock[], opts: { occ: Occ }): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [headTable(head)];
  let titles = 0;
  for (const b of blocks) {
    if (b.kind === 'title') {
      // "BÁO CÁO" and the subject, then a rule; Part One's heading lines below them.
      titles++;
      body.push(para([run(b.text, { bold: true })], { align: AlignmentType.CENTER, after: titles <= 2 ? 60 : 120, before: titles > 2 ? 120 : 0 }));
      if (titles === 2) body.push(...center([[run('———', { size: LAYOUT.small })]], 60));
    } else if (b.kind === 'heading') {
      body.push(para([run(b.text, { bold: true })], { before: 160 }));
    } else if (b.kind === 'line') {
      note(opts.occ, b.figureId!, b.value!);
      body.push(para([run(`- ${b.text}: `), run(b.value!, { bold: true }), run('.')], { indent: true }));
    } else {
      body.push(para([run(b.text)], { indent: true }));
    }
  }
  body.push(signature());

  const doc = new Document({
    creator: 'Đoàn Kết',
    title: `Báo cáo ${head.symbol}`,
    description: head.title,
    styles: { default: { document: { run: { font: LAYOUT.font, size: LAYOUT.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight, orientation: PageOrientation.PORTRAIT },
            margin: { top: LAYOUT.top, bottom: LAYOUT.bottom, left: LAYOUT.left, right: LAYOUT.right, header: 567, footer: 567 },
          },
        },
        // Page numbers from page 2, centred at the top; the first page has its own (empty) header.
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: LAYOUT.small })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function signature(): Table {
  const left = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: LAYOUT.small })], { align: AlignmentType.LEFT, after: 0 }),
    ...['- Ban Thường trực Ủy ban MTTQ Việt Nam cấp trên (để báo cáo);', '- Các tổ chức thành viên;', '- Lưu: VT.'].map((line) =>
      para([run(line, { size: LAYOUT.small })], { align: AlignmentType.LEFT, after: 0 }),
    ),
  ];
  const right = center([[run('TM. BAN THƯỜNG TRỰC', { bold: true })], [run('CHỦ TỊCH', { bold: true })]]);
  return new Table({
    rows: [new TableRow({ children: [cell(left, 45), cell(right, 55)] })],
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}
