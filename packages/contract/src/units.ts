import { z } from 'zod';
import { Id, IsoDate } from './common';
import { UNIT_DATASETS, UNIT_LEVELS } from './units-values';

// The plain values live in units-values.ts (zod-free, for the web bundle); re-exported here so
// server code keeps importing everything unit-related from one place.
export { UNIT_DATASETS, UNIT_LEVELS, UNIT_LEVEL_LABELS } from './units-values';

export const UnitLevel = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** A unit as it is on a given date ('validTo' null while still valid). */
export const Unit = z.object({
  id: Id,
  code: z.string(),
  level: UnitLevel,
  kind: z.string(),
  name: z.string(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  childCount: z.number().int().optional(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitListQuery = z.object({
  parent: Id.optional(),
  asOf: IsoDate.optional(),
  q: z.string().trim().max(100).optional(),
  level: UnitLevel.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitVersion = z.object({
  name: z.string(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
});

export const UnitEventKind = z.enum(['create', 'rename', 'move', 'merge', 'split', 'dissolve']);
export type UnitEventKind = z.infer<typeof UnitEventKind>;

export const UnitEventSummary = z.object({
  id: Id,
  kind: UnitEventKind,
  effectiveDate: IsoDate,
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  units: z.array(z.object({ id: Id, name: z.string(), code: z.string(), role: z.enum(['subject', 'from', 'to']), part: z.enum(['full', 'partial']) })),
});

export const LinkedUnit = z.object({ id: Id, code: z.string(), name: z.string(), effectiveDate: IsoDate, part: z.enum(['full', 'partial']) });

export const UnitDetail = Unit.extend({
  versions: z.array(UnitVersion),
  events: z.array(UnitEventSummary),
  predecessors: z.array(LinkedUnit),
  successors: z.array(LinkedUnit),
  ancestors: z.array(z.object({ id: Id, name: z.string(), level: UnitLevel })),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

// ---- Unit changes (administrator only). Each change has an effective date and, optionally, its legal basis.

export const UnitPart = z.enum(['full', 'partial']);
export type UnitPart = z.infer<typeof UnitPart>;

const Code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[0-9A-Za-z._-]+$/, '0-9 A-Z . _ -');
const Name = z.string().trim().min(1).max(200);
const Kind = z.string().trim().min(1).max(50);
const ChangeBasis = {
  legalBasis: z.string().trim().max(500).optional(),
  note: z.string().trim().max(2000).optional(),
};

/** A unit that a change brings into being (its validity starts on the change's date). */
export const NewUnitSpec = z.object({
  code: Code,
  level: UnitLevel,
  kind: Kind,
  name: Name,
  /** Required except for a province. */
  parentId: Id.nullable().default(null),
});
export type NewUnitSpec = z.infer<typeof NewUnitSpec>;

export const CreateUnit = NewUnitSpec.extend({
  validFrom: IsoDate,
  /** For a unit already known to have ended. */
  validTo: IsoDate.optional(),
  ...ChangeBasis,
});
export type CreateUnit = z.infer<typeof CreateUnit>;

export const RenameUnit = z.object({ effectiveDate: IsoDate, name: Name, kind: Kind.optional(), ...ChangeBasis });
export type RenameUnit = z.infer<typeof RenameUnit>;

export const MoveUnit = z.object({ effectiveDate: IsoDate, parentId: Id, ...ChangeBasis });
export type MoveUnit = z.infer<typeof MoveUnit>;

/**
 * Several units into one, an existing unit or a new one. A 'full' source ends on the date and its
 * subordinate units move to the target; a 'partial' source gives up part of itself and goes on.
 */
export const MergeUnits = z.object({
  effectiveDate: IsoDate,
  sources: z
    .array(z.object({ unitId: Id, part: UnitPart.default('full') }))
    .min(1)
    .max(100),
  into: z.union([z.object({ unitId: Id }), z.object({ create: NewUnitSpec })]),
  ...ChangeBasis,
});
export type MergeUnits = z.infer<typeof MergeUnits>;

/**
 * One unit into new units (lineage 'partial'). Unless `keepSource`, the source ends on the date and
 * every subordinate unit must be handed to one of the new units through `childIds`.
 */
export const SplitUnit = z.object({
  effectiveDate: IsoDate,
  into: z
    .array(
      NewUnitSpec.omit({ parentId: true }).extend({
        parentId: Id.nullable().optional(),
        childIds: z.array(Id).max(1000).default([]),
      }),
    )
    .min(1)
    .max(50),
  keepSource: z.boolean().default(false),
  ...ChangeBasis,
});
export type SplitUnit = z.infer<typeof SplitUnit>;

export const DissolveUnit = z.object({ effectiveDate: IsoDate, ...ChangeBasis });
export type DissolveUnit = z.infer<typeof DissolveUnit>;

/** What a change did: its event and every unit it touched (the first is the main one). */
export const UnitChangeResult = z.object({ eventId: Id, unitId: Id, affectedUnitIds: z.array(Id) });
export type UnitChangeResult = z.infer<typeof UnitChangeResult>;

export const UnitDataset = z.enum(UNIT_DATASETS);
export type UnitDataset = z.infer<typeof UnitDataset>;

export const ImportUnits = z.object({
  dataset: UnitDataset,
  /** Reform only: new provinces to import (e.g. ['24']); all 34 when omitted. */
  provinceCodes: z
    .array(z.string().regex(/^\d{2}$/))
    .min(1)
    .max(34)
    .optional(),
});
export type ImportUnits = z.infer<typeof ImportUnits>;

const Counts = z.object({ units: z.number().int(), versions: z.number().int(), events: z.number().int(), lineage: z.number().int() });
export const ImportSummary = z.object({
  dataset: UnitDataset,
  created: Counts,
  /** Parts already imported before (re-importing adds nothing). */
  skipped: z.object({ provinces: z.array(z.string()), units: z.number().int() }),
  ms: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** A unit read on a date (default: today, or the unit's last day). */
export const UnitAsOfQuery = z.object({ asOf: IsoDate.optional() });
export const UnitLineageQuery = z.object({ at: IsoDate.optional() });
export const UnitIdList = z.object({ ids: z.array(z.number().int()) });
export const UnitLineage = z.object({ predecessors: z.array(z.number().int()), successorsAt: z.array(z.number().int()) });
