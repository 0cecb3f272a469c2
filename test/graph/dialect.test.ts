import { describe, expect, it } from 'vitest';
import { rowProps, statements } from '../../src/graph/cypher/statements.ts';
import { ladybugDialect } from '../../src/graph/ladybug/dialect.ts';
import { neo4jDialect } from '../../src/graph/neo4j/dialect.ts';

describe('row forms', () => {
  const props = rowProps.node('Commitment');
  const row = { id: 'd/c1', doc: 'd', ord: 1, text: '承诺', terms: ['床位', '医院'], broad: false, planYear: null };

  it('packs LadybugDB rows into one string each, nulls and lists marked', () => {
    const { form, rows } = ladybugDialect.encode([row, { ...row, id: 'd/c2', terms: [] }], props, 'create');
    expect(form).toBe('packed');
    const fields = String(rows[0]).split('\u001f');
    expect(fields).toHaveLength(Object.keys(props).length);
    expect(fields[Object.keys(props).indexOf('terms')]).toBe('床位\u001e医院');
    expect(fields[Object.keys(props).indexOf('planYear')]).toBe('\u0002');
    expect(String(rows[1]).split('\u001f')[Object.keys(props).indexOf('terms')]).toBe('\u0003');
    expect(statements.createNodes('Commitment', ladybugDialect, form)).toMatch(/^UNWIND \$rows AS line WITH string_split\(line, '\u001f'\) AS r CREATE/);
  });

  it('sends a batch as objects when a value holds a separator, and always as objects to Neo4j', () => {
    expect(ladybugDialect.encode([row, { ...row, text: 'a\u001fb' }], props, 'create').form).toBe('objects');
    // Rows a MATCH or MERGE finds by key stay objects: only `{id: r.id}` uses the primary key.
    expect(ladybugDialect.encode([row], props, 'found').form).toBe('objects');
    expect(ladybugDialect.encode([{ ...row, terms: ['x\u001ey'] }], props, 'create').form).toBe('objects');
    const neo = neo4jDialect.encode([row], props, 'create');
    expect(neo.form).toBe('objects');
    expect(neo.rows[0]).toMatchObject({ text: '承诺', terms: ['床位', '医院'], planYear: null, deadline: null });
    expect(statements.createNodes('Commitment', neo4jDialect)).toMatch(/^UNWIND \$rows AS r CREATE \(n:Commitment \{id: r\.id, /);
  });
});

describe('property updates', () => {
  it('set several properties of a node in one statement, from rows of {id, …props}', () => {
    expect(statements.setProperties('Commitment', ['status', 'statusReason'], neo4jDialect)).toBe(
      'UNWIND $rows AS r MATCH (n:Commitment {id: r.id}) SET n.status = r.status, n.statusReason = r.statusReason',
    );
    expect(Object.keys(rowProps.update('Commitment', ['status', 'statusReason']))).toEqual(['id', 'status', 'statusReason']);
  });

  it('refuse a property the label does not have, and the id', () => {
    expect(() => rowProps.update('Commitment', ['colour'])).toThrow(/Commitment has no property colour/);
    expect(() => rowProps.update('Commitment', ['id'])).toThrow();
  });
});
