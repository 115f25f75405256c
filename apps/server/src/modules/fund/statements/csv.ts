// A small RFC 4180 reader: quoted fields with "" escapes, CR/LF/CRLF line ends, line breaks inside
// quotes. It reads chunk by chunk (a statement need not sit in memory as one string) and tells the
// line each record starts on, so an unreadable row can be named.

export type CsvRecord = { fields: string[]; line: number };

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Incremental reader: push() text chunks, then end(); records come out through onRecord. */
export class CsvReader {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** A quote was just seen inside quotes: it either closes the field or starts an escaped "". */
  private quotePending = false;
  private lastWasCr = false;
  private line = 1;
  private recordLine = 1;
  private fieldStarted = false;
  private afterQuoted = false;

  constructor(private readonly onRecord: (r: CsvRecord) => void) {}

  push(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.inQuotes && !this.quotePending) {
        // Fast path: copy everything up to the next quote, counting line breaks on the way.
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        const part = chunk.slice(i, end);
        this.field += part;
        this.countLines(part);
        i = end;
        if (q >= 0) {
          this.quotePending = true;
          i++;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.quotePending) {
        this.quotePending = false;
        if (c === 34) {
          this.field += '"';
          i++;
          continue;
        }
        this.inQuotes = false;
        this.afterQuoted = true;
        // fall through: c is read as an unquoted character after the closing quote
      }
      if (this.lastWasCr) {
        this.lastWasCr = false;
        if (c === 10) {
          i++;
          continue;
        }
      }
      if (c === 44) {
        this.endField();
      } else if (c === 13 || c === 10) {
        this.line++;
        this.endRecord();
        this.lastWasCr = c === 13;
      } else if (c === 34) {
        if (this.fieldStarted || this.afterQuoted) throw new CsvError(this.line, 'dấu ngoặc kép đặt sai vị trí / misplaced quote');
        this.inQuotes = true;
        this.fieldStarted = true;
      } else {
        if (this.afterQuoted) throw new CsvError(this.line, 'ký tự sau dấu ngoặc kép đóng / text after a closing quote');
        // Copy a run of plain characters at once.
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === 44 || d === 13 || d === 10 || d === 34) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        this.fieldStarted = true;
        i = j;
        continue;
      }
      i++;
    }
  }

  end(): void {
    if (this.inQuotes && !this.quotePending) throw new CsvError(this.recordLine, 'thiếu dấu ngoặc kép đóng / unterminated quoted field');
    this.quotePending = false;
    this.inQuotes = false;
    if (this.fieldStarted || this.afterQuoted || this.fields.length > 0) this.endRecord();
  }

  private countLines(s: string): void {
    for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) this.line++;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
    this.afterQuoted = false;
  }

  private endRecord(): void {
    const empty = this.fields.length === 0 && !this.fieldStarted && !this.afterQuoted;
    if (!empty) {
      this.endField();
      this.onRecord({ fields: this.fields, line: this.recordLine });
    }
    this.fields = [];
    this.field = '';
    this.fieldStarted = false;
    this.afterQuoted = false;
    this.recordLine = this.line;
  }
}

/** All records of a whole text (a leading byte-order mark is dropped). */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const r = new CsvReader((rec) => out.push(rec));
  r.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  r.end();
  return out;
}
