// A .zip of statement files is opened on the server: its CSV and XLSX files are imported as if uploaded one
// by one. The uncompressed size is bounded, so a small archive cannot fill the memory.
import JSZip from 'jszip';
import { AppError } from '../../../platform/errors';
import type { UploadedFile } from './generic';

export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
const isZip = (f: UploadedFile) => /\.zip$/i.test(f.name);

export async function expandZips(files: UploadedFile[]): Promise<UploadedFile[]> {
  if (!files.some(isZip)) return files;
  const out: UploadedFile[] = [];
  let total = 0;
  for (const f of files) {
    if (!isZip(f)) {
      out.push(f);
      continue;
    }
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(f.data);
    } catch {
      throw new AppError('IMPORT_INVALID', { problems: [{ file: f.name, row: 0, line: 0, reason: 'không đọc được tệp nén / unreadable zip file' }] });
    }
    const entries = Object.values(zip.files)
      .filter((e) => !e.dir && /\.(csv|xlsx)$/i.test(e.name) && !/(^|\/)(__MACOSX|\.)/.test(e.name))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const data = Buffer.from(await e.async('uint8array'));
      total += data.length;
      if (total > MAX_UNZIPPED_BYTES) throw new AppError('BODY_TOO_LARGE', { file: f.name, maxUnzippedBytes: MAX_UNZIPPED_BYTES });
      out.push({ name: e.name.replace(/^.*\//, ''), data });
    }
  }
  return out;
}
