import { PETITION_KIND_LABELS, PETITION_STATE_LABELS } from '@contract/petitions-values';
import type { PetitionKind, PetitionState } from '@contract/petitions';

/** What each message says. Payloads carry codes, states and dates only — never a person's identity. */
export type Message =
  | { template: 'petition.received'; payload: { trackingCode: string; kind: PetitionKind; unitName: string; receivedOn: string } }
  | { template: 'petition.status'; payload: { trackingCode: string; state: PetitionState; date: string } }
  | { template: 'citizen.code'; payload: { code: string; minutes: number } }
  | { template: 'staff.deadlines'; payload: { overdue: number; dueSoon: number; unitName: string } };

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Subject and text of a message, Vietnamese first with English below; an SMS is one Vietnamese line (Unicode SMS). */
export function render(m: Message, publicUrl: string): { subject: string; text: string; sms: string } {
  switch (m.template) {
    case 'petition.received': {
      const p = m.payload;
      const link = `${publicUrl}/public/petitions/${encodeURIComponent(p.trackingCode)}`;
      const kind = PETITION_KIND_LABELS[p.kind];
      return {
        subject: `Mã theo dõi ${kind.vi.toLowerCase()}: ${p.trackingCode}`,
        sms: `MTTQ ${p.unitName} đã nhận đơn của bạn ngày ${vnDate(p.receivedOn)}. Mã theo dõi: ${p.trackingCode}. Tra cứu: ${link}`,
        text: [
          `Ủy ban Mặt trận Tổ quốc ${p.unitName} đã tiếp nhận ${kind.vi.toLowerCase()} của bạn ngày ${vnDate(p.receivedOn)}.`,
          `Mã theo dõi: ${p.trackingCode}`,
          `Tra cứu tình trạng: ${link}`,
          '',
          `The Fatherland Front of ${p.unitName} received your ${kind.en.toLowerCase()} on ${p.receivedOn}. Tracking code: ${p.trackingCode}.`,
        ].join('\n'),
      };
    }
    case 'petition.status': {
      const p = m.payload;
      const state = PETITION_STATE_LABELS[p.state];
      const link = `${publicUrl}/public/petitions/${encodeURIComponent(p.trackingCode)}`;
      return {
        subject: `Đơn ${p.trackingCode}: ${state.vi}`,
        sms: `Đơn ${p.trackingCode}: ${state.vi} (${vnDate(p.date)}). Tra cứu: ${link}`,
        text: [`Đơn ${p.trackingCode} của bạn: ${state.vi} ngày ${vnDate(p.date)}.`, `Tra cứu: ${link}`, '', `Your petition ${p.trackingCode}: ${state.en} on ${p.date}.`].join(
          '\n',
        ),
      };
    }
    case 'citizen.code': {
      const p = m.payload;
      return {
        subject: `Mã xác nhận Đoàn Kết: ${p.code}`,
        sms: `Mã xác nhận Đoàn Kết: ${p.code} (hiệu lực ${p.minutes} phút). Không chia sẻ mã này.`,
        text: [
          `Mã xác nhận để xem các đơn của bạn: ${p.code} (hiệu lực ${p.minutes} phút). Không chia sẻ mã này với ai.`,
          '',
          `Your code to see your petitions: ${p.code} (valid ${p.minutes} minutes).`,
        ].join('\n'),
      };
    }
    case 'staff.deadlines': {
      const p = m.payload;
      return {
        subject: `${p.unitName}: ${p.overdue} đơn quá hạn, ${p.dueSoon} đơn sắp đến hạn`,
        sms: `${p.unitName}: ${p.overdue} đơn quá hạn, ${p.dueSoon} đơn sắp đến hạn.`,
        text: [
          `${p.unitName}: ${p.overdue} đơn quá hạn, ${p.dueSoon} đơn đến hạn trong 3 ngày tới.`,
          `Mở danh sách: ${publicUrl}/petitions?overdue=1`,
          '',
          `${p.unitName}: ${p.overdue} overdue, ${p.dueSoon} due within 3 days.`,
        ].join('\n'),
      };
    }
  }
}
