// The QR symbol comes from `qrcode` (a well-kept encoder); only the drawing is ours: one SVG path with a title
// for screen readers, crisp at any print size, and synchronous so a route can answer from it directly.
import QRCode from 'qrcode';

export type QrMatrix = { size: number; version: number; mask: number; modules: boolean[][] };

/** The symbol at error-correction level M (what banking apps scan reliably from paper and screens). */
export function encodeQr(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const modules = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => qr.modules.get(y, x) === 1));
  return { size, version: qr.version, mask: qr.maskPattern ?? 0, modules };
}

/** The symbol as a small SVG (one path, 4-module quiet zone). */
export function qrSvg(text: string, opts: { title?: string; px?: number } = {}): string {
  const qr = encodeQr(text);
  const q = 4;
  const dim = qr.size + 2 * q;
  let d = '';
  qr.modules.forEach((row, y) => {
    for (let x = 0; x < qr.size; x++) {
      if (!row[x]) continue;
      let w = 1;
      while (x + w < qr.size && row[x + w]) w++;
      d += `M${x + q} ${y + q}h${w}v1h-${w}z`;
      x += w - 1;
    }
  });
  const px = opts.px ?? 256;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const title = opts.title ? `<title>${esc(opts.title)}</title>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" width="${px}" height="${px}" shape-rendering="crispEdges" role="img">${title}<rect width="${dim}" height="${dim}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
