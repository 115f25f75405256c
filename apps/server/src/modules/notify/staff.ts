import type { NotifySettings } from '@contract/users';
import { PetitionListQuery } from '@contract/petitions';
import type { Db } from '../../db/db';
import { can, today, type CurrentUser } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { audit } from '../../platform/audit';
import { listPetitions } from '../petitions/queries';
import { openContact, parseContact, sealContact } from './contacts';
import { enqueue } from './outbox';
import { claimReminderDay, findNotifySettings, listReminderRecipients, setReminderDayQueued, updateNotifySettings } from './queries';

/** Days ahead that count as "due soon" in a reminder (the message says so). */
export const DUE_SOON_DAYS = 3;

export async function notifySettings(db: Db, user: CurrentUser): Promise<NotifySettings> {
  const r = await findNotifySettings(db, user.id);
  return { email: r.notify_email ? openContact('email', r.notify_email) : null, deadlines: r.notify_deadlines };
}

/** Sets the person's own reminder address; an address that is not an e-mail is refused with nothing written. */
export async function setNotifySettings(db: Db, user: CurrentUser, input: NotifySettings): Promise<NotifySettings> {
  const email = input.email ? parseContact(input.email) : null;
  if (email && email.channel !== 'email') throw new AppError('NOTIFY_EMAIL_INVALID');
  await db.tx(async (tx) => {
    await updateNotifySettings(tx, user.id, email ? sealContact(email) : null, input.deadlines);
    // The address itself stays out of the audit log: only whether there is one.
    await audit(tx, user, { action: 'update', entity: 'user_notifications', entityId: user.id, after: { email: !!email, deadlines: input.deadlines } });
  });
  return notifySettings(db, user);
}

/**
 * Queues the day's deadline reminders: to each active staff member who gave an address and reads petitions,
 * the number of petitions in their scope overdue and due within three days — counted by the same scoped query
 * as their list, and never a title or a name. The day is claimed first, so a second run (or a second process)
 * that day queues nothing. Returns how many were queued, or null when the day had already been done.
 */
export async function queueDeadlineReminders(db: Db, day: string): Promise<number | null> {
  return db.tx(async (tx) => {
    if (!(await claimReminderDay(tx, day))) return null;
    const people = await listReminderRecipients(tx, day);
    let queued = 0;
    for (const p of people) {
      const user: CurrentUser = {
        id: p.id,
        username: p.username,
        displayName: p.display_name,
        role: p.role,
        unitId: p.unit_id,
        unitValidTo: p.unit_valid_to === 'infinity' ? null : p.unit_valid_to,
        grants: p.grants,
      };
      if (!can(user, 'petition.read') || (!user.unitId && user.role !== 'admin')) continue;
      const [overdue, dueSoon] = [
        (await listPetitions(tx, user, PetitionListQuery.parse({ overdue: true, limit: 1 }))).total,
        (await listPetitions(tx, user, PetitionListQuery.parse({ dueWithin: DUE_SOON_DAYS, limit: 1 }))).total,
      ];
      if (overdue + dueSoon === 0) continue;
      const to = { channel: 'email' as const, value: openContact('email', p.notify_email) };
      await enqueue(tx, to, { template: 'staff.deadlines', payload: { overdue, dueSoon, unitName: p.unit_name ?? 'Đoàn Kết' } });
      queued++;
    }
    await setReminderDayQueued(tx, day, queued);
    await audit(tx, null, { action: 'queue', entity: 'staff_reminders', entityId: day, after: { day, queued } });
    return queued;
  });
}

/** The hour (Vietnam time) from which the day's reminders go out: people read them at the start of work. */
export const REMINDER_HOUR = 7;
const vnHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', hourCycle: 'h23' });

/** Checks every few minutes whether today's reminders are due and queues them once; the outbox worker sends. */
export function startDeadlineReminders(db: Db, onQueued: () => void, log: (m: string) => void, everyMs = 10 * 60_000): { stop(): void } {
  const tick = () => {
    if (Number(vnHour.format(new Date())) < REMINDER_HOUR) return;
    queueDeadlineReminders(db, today()).then(
      (n) => {
        if (n) onQueued();
      },
      (e) => log(`deadline reminders: ${(e as Error).message}`),
    );
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  return { stop: () => clearInterval(timer) };
}
