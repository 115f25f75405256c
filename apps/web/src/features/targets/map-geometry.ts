// Longitude/latitude rings to SVG paths: an equirectangular projection scaled by cos(latitude), which is
// exact enough for one province, with no map library.
export type Ring = number[][];
export type Bounds = { minX: number; minY: number; maxX: number; maxY: number };

export function boundsOf(polygons: Ring[][][]): Bounds {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const multi of polygons)
    for (const poly of multi)
      for (const ring of poly)
        for (const [x, y] of ring) {
          if (x < b.minX) b.minX = x;
          if (x > b.maxX) b.maxX = x;
          if (y < b.minY) b.minY = y;
          if (y > b.maxY) b.maxY = y;
        }
  return b;
}

/** A projector onto a box `width` wide (height follows the shape); north is up. */
export function projector(b: Bounds, width: number) {
  const k = Math.cos((((b.minY + b.maxY) / 2) * Math.PI) / 180);
  const scale = width / ((b.maxX - b.minX) * k || 1);
  const height = Math.ceil((b.maxY - b.minY) * scale);
  const at = ([x, y]: number[]) => [((x - b.minX) * k * scale).toFixed(1), ((b.maxY - y) * scale).toFixed(1)];
  const path = (multi: Ring[][]) => multi.map((poly) => poly.map((ring) => 'M' + ring.map((p) => at(p).join(',')).join('L') + 'Z').join('')).join('');
  return { width, height, path };
}
