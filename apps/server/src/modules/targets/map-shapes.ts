import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
let cached: string | undefined;

/** The simplified commune boundaries (assets/maps, made by tools/maps/simplify.ts), read once. */
export function mapShapes(): string {
  cached ??= fs.readFileSync(process.env.MAP_SHAPES_FILE ?? path.resolve(repoRoot, 'assets/maps/bac-ninh-communes.geojson'), 'utf8');
  return cached;
}
