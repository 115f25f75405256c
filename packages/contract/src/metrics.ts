import { z } from 'zod';
import { IsoDate, Id } from './common';

export const MetricInfo = z.object({
  key: z.string(),
  module: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  unitOfMeasure: z.enum(['count', 'vnd', 'percent', 'days']),
  dims: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })).optional(),
});
export type MetricInfo = z.infer<typeof MetricInfo>;

export const MetricView = z.enum(['now', 'then']);
export type MetricView = z.infer<typeof MetricView>;

export const MetricQuery = z.object({
  unit: Id,
  from: IsoDate,
  to: IsoDate,
  /** The date of the unit tree used to list children (default: today, or the unit's last day). */
  asOf: IsoDate.optional(),
  /** 'now': a merged unit's past counts for its successor; 'then': only units as they were. */
  view: MetricView.default('now'),
  by: z.enum(['none', 'children']).default('children'),
});
export type MetricQuery = z.infer<typeof MetricQuery>;

export const MetricValue = z.object({
  unitId: Id,
  unitName: z.string(),
  value: z.number(),
  byDim: z.record(z.string(), z.number()),
});
export type MetricValue = z.infer<typeof MetricValue>;

export const MetricResult = z.object({
  metric: MetricInfo,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  view: MetricView,
  total: MetricValue,
  children: z.array(MetricValue),
});
export type MetricResult = z.infer<typeof MetricResult>;

export const MetricKeyParams = z.object({ key: z.string().max(100) });
