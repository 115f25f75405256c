import { z } from 'zod';
import { Id, IsoDate } from './common';
import { PublicReport } from './reports';

export const WardPageParams = z.object({ code: z.string().trim().min(1).max(20) });
/** A ward's public page: who leads its Front committee, its campaigns and its published reports. Nothing personal. */
export const WardPage = z.object({
  code: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  committee: z.array(z.object({ position: z.enum(['chair', 'vice_chair', 'standing_member']), name: z.string() })),
  campaigns: z.array(z.object({ id: Id, name: z.string(), unitName: z.string(), receiveFrom: IsoDate, receiveTo: IsoDate, open: z.boolean() })),
  reports: z.array(PublicReport),
});
export type WardPage = z.infer<typeof WardPage>;
