import nodemailer from 'nodemailer';
import { maskContact } from './contacts';

/** One way out for a channel. `send` throws on failure; the worker retries. */
export interface Sender {
  send(to: string, subject: string, text: string): Promise<void>;
}

export type Senders = { email: Sender; sms: Sender };

/** E-mail over SMTP (SMTP_URL, e.g. smtp://user:pass@host:587); the From address from SMTP_FROM. */
export function smtpSender(url: string, from: string): Sender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/**
 * For development and for SMS until a carrier gateway is contracted: writes a line without the
 * message text or the full address (a tracking code or a one-time code must not land in a log).
 */
export function logSender(channel: 'email' | 'sms', log: (line: string) => void): Sender {
  return {
    async send(to, subject) {
      log(`[${channel}] → ${maskContact(channel, to)}: ${subject.replace(/[0-9A-Z]{4,}(-[0-9A-Z]+)*/g, '…')}`);
    },
  };
}

/** Senders from the environment: SMTP when SMTP_URL is set, otherwise the log; SMS always the log adapter. */
export function sendersFromEnv(env: NodeJS.ProcessEnv, log: (line: string) => void): Senders {
  return {
    email: env.SMTP_URL ? smtpSender(env.SMTP_URL, env.SMTP_FROM ?? 'Đoàn Kết <khong-tra-loi@doanket.local>') : logSender('email', log),
    sms: logSender('sms', log),
  };
}
