// Small helpers for writing parameterised SQL by hand.

/** Builds a WHERE clause with numbered parameters. */
export class Where {
  readonly parts: string[] = [];
  constructor(readonly params: unknown[] = []) {}
  add(sql: (p: (v: unknown) => string) => string) {
    this.parts.push(sql((v) => `$${this.params.push(v)}`));
  }
  scoped(cond: (next: number) => { sql: string; params: unknown[] }) {
    const c = cond(this.params.length + 1);
    this.params.push(...c.params);
    this.parts.push(c.sql);
  }
  get sql() {
    return this.parts.length ? this.parts.join(' and ') : 'true';
  }
}
