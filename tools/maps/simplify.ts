// Simplifies the 99 commune/ward boundaries of Bắc Ninh (../shared/data/admin-units/geojson-bac-ninh/wards,
// 14 MB) into one small file for phones: Douglas–Peucker per ring, then coordinates rounded. Run once:
//   npx tsx tools/maps/simplify.ts [sourceDir] [out]
// Output: assets/maps/bac-ninh-communes.geojson (see the README beside it).
import fs from 'node:fs';
import path from 'node:path';

type Pt = [number, number];
type Ring = Pt[];

/** Perpendicular distance of p from the segment a–b (degrees; fine at this scale). */
function distance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker, iterative (rings have tens of thousands of points). */
export function simplifyLine(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let max = 0,
      at = -1;
    for (let i = s + 1; i < e; i++) {
      const d = distance(points[i], points[s], points[e]);
      if (d > max) {
        max = d;
        at = i;
      }
    }
    if (at >= 0 && max > tolerance) {
      keep[at] = 1;
      stack.push([s, at], [at, e]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** A closed ring simplified and rounded; null when it shrinks below a triangle. */
export function simplifyRing(ring: Ring, tolerance: number, digits: number): Ring | null {
  // Split the closed ring in two halves so the first point is not the only anchor.
  const mid = Math.floor(ring.length / 2);
  const a = simplifyLine(ring.slice(0, mid + 1), tolerance);
  const b = simplifyLine(ring.slice(mid), tolerance);
  const out: Ring = [];
  for (const p of [...a, ...b.slice(1)]) {
    const q: Pt = [round(p[0], digits), round(p[1], digits)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 4 ? out : null;
}

function main() {
  const root = path.resolve(import.meta.dirname, '../..');
  const src = process.argv[2] ?? path.resolve(root, '../shared/data/admin-units/geojson-bac-ninh/wards');
  const out = process.argv[3] ?? path.resolve(root, 'assets/maps/bac-ninh-communes.geojson');
  const TOLERANCE = 0.0004; // ≈ 45 m
  const DIGITS = 4; // ≈ 11 m
  const features = [];
  let before = 0,
    after = 0;
  for (const file of fs
    .readdirSync(src)
    .filter((f) => f.endsWith('.geojson'))
    .sort()) {
    const fc = JSON.parse(fs.readFileSync(path.join(src, file), 'utf8'));
    for (const f of fc.features) {
      const polys: Ring[][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const simplified = polys
        .map((rings) =>
          rings.map((r) => {
            before += r.length;
            return simplifyRing(r, TOLERANCE, DIGITS);
          }),
        )
        // Keep a polygon when its outer ring survives; drop holes that vanished.
        .filter((rings) => rings[0] !== null)
        .map((rings) => rings.filter((r): r is Ring => r !== null));
      for (const p of simplified) for (const r of p) after += r.length;
      features.push({
        type: 'Feature',
        properties: { code: f.properties.code, name: f.properties.fullName, nameEn: f.properties.fullNameEn },
        geometry: { type: 'MultiPolygon', coordinates: simplified },
      });
    }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
  console.log(`${features.length} units, ${before} → ${after} points, ${(fs.statSync(out).size / 1024).toFixed(0)} KiB written to ${path.relative(root, out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
