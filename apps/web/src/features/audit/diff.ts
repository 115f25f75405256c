// Before → after of an audit row as a readable list of field changes.

export type Scalar = string | number | boolean | null;
export type Change = { key: string; kind: 'added' | 'removed' | 'changed'; before: Scalar; after: Scalar };

/**
 * Flattens a JSON value into dotted paths ('members.0.name'); arrays of plain values stay one
 * field ('a, b, c') because a list is read as a whole.
 */
export function flatten(value: unknown, prefix = '', out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = null;
    return out;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      out[prefix || 'value'] = value.map((v) => String(v)).join(', ');
    } else {
      value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
      if (value.length === 0 && prefix) out[prefix] = '';
    }
    return out;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out[prefix] = null;
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  out[prefix || 'value'] = value as Scalar;
  return out;
}

const same = (a: Scalar, b: Scalar) => a === b || (a !== null && b !== null && String(a) === String(b));

/** The fields that differ, in the order they first appear (after's order, then removed ones). */
export function diffRecords(before: unknown, after: unknown): Change[] {
  const b = flatten(before);
  const a = flatten(after);
  const changes: Change[] = [];
  for (const key of Object.keys(a)) {
    if (!(key in b)) {
      if (a[key] !== null && a[key] !== '') changes.push({ key, kind: 'added', before: null, after: a[key] });
    } else if (!same(a[key], b[key])) {
      changes.push({ key, kind: 'changed', before: b[key], after: a[key] });
    }
  }
  for (const key of Object.keys(b)) {
    if (!(key in a) && b[key] !== null && b[key] !== '') changes.push({ key, kind: 'removed', before: b[key], after: null });
  }
  return changes;
}
