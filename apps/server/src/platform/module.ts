import type { Db } from '../db/db';
import type { BoundEndpoint, Locator } from './endpoints';
import { defineMetrics, type MetricDef } from './metrics';

/**
 * A module is one declaration: its endpoints (the contract's table bound to handlers), the locators
 * its record-scoped endpoints name, its metrics and its demo step. It is listed once in
 * modules/modules.ts; app start-up, the metric registry, the demo and the access matrix read that list.
 * Migrations, error codes and web pages stay in their own places (see README "Adding a module").
 */
export type ModuleDef = {
  name: string;
  endpoints?: BoundEndpoint[];
  /** Record kinds → where such a record lies (unit and date), for endpoints declared with atRecord(). */
  locators?: Record<string, Locator>;
  metrics?: MetricDef[];
  /** Loads the module's demo records (after the units, the org and the demo accounts), in the demo's transaction. */
  demo?: (tx: Db) => Promise<void>;
};

export function defineModule(def: ModuleDef): ModuleDef {
  return def;
}

const installed = new Set<string>();

/** Registers the modules' metrics, once per process (tests build many apps). */
export function installMetrics(modules: ModuleDef[]): void {
  for (const m of modules) {
    if (installed.has(m.name)) continue;
    installed.add(m.name);
    if (m.metrics) defineMetrics(m.metrics);
  }
}

/** Every record locator of every module; a kind declared twice is a start-up error. */
export function allLocators(modules: ModuleDef[]): Record<string, Locator> {
  const out: Record<string, Locator> = {};
  for (const m of modules) {
    for (const [kind, fn] of Object.entries(m.locators ?? {})) {
      if (out[kind]) throw new Error(`record kind "${kind}" located twice (${m.name})`);
      out[kind] = fn;
    }
  }
  return out;
}
