// Neo4j's own parser and semantic analysis, given our labels, relationship
// types, parameters and Neo4j's built-in functions (APOC is not assumed).
import { createRequire } from 'node:module';
import type { DbSchema, SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { LABELS, REL_TYPES, propertyKeys } from '../../src/graph/model.ts';

// The package's ESM build uses extensionless imports Node cannot resolve; its CJS build works.
const support = createRequire(import.meta.url)('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');

type Registry = NonNullable<DbSchema['functions']>;

function builtinFunctions(): Registry {
  const all = support.testData.mockSchema.functions ?? {};
  const out: Registry = {};
  for (const [version, fns] of Object.entries(all)) {
    out[version as keyof Registry] = Object.fromEntries(Object.entries(fns ?? {}).filter(([name]) => !name.startsWith('apoc.')));
  }
  return out;
}

const functions = builtinFunctions();

export function builtinFunctionCount(): number {
  return Object.keys(functions['CYPHER 5'] ?? {}).length;
}

export function lintForNeo4j(text: string, params: Readonly<Record<string, unknown>>): SyntaxDiagnostic[] {
  const schema: DbSchema = {
    labels: [...LABELS],
    relationshipTypes: [...REL_TYPES],
    propertyKeys: propertyKeys(),
    parameters: { ...params },
    functions,
    procedures: {},
  };
  return support.lintCypherQuery(text, schema);
}

export function describeDiagnostics(ds: readonly SyntaxDiagnostic[]): string[] {
  return ds.map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
}
