// Values leave the store as plain JSON-able JS: no BigInt (LadybugDB's sum()),
// no Neo4j Integer or temporal objects, no Dates.

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const v = value as { toNumber?: () => number; inSafeRange?: () => boolean; toString(): string };
    // neo4j-driver Integer (when lossless integers are on) and temporal types.
    if (typeof v.toNumber === 'function' && typeof v.inSafeRange === 'function') {
      return v.inSafeRange() ? v.toNumber() : v.toString();
    }
    if (isNeo4jTemporal(value)) return v.toString();
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[k] = toPlain(x);
    return out;
  }
  return value;
}

function isNeo4jTemporal(value: object): boolean {
  const name = value.constructor?.name;
  return name === 'DateTime' || name === 'Date' || name === 'LocalDateTime' || name === 'Time' || name === 'Duration';
}

export function toPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}
