// LadybugDB needs every table declared with typed properties before use.
import { LABELS, NODES, REL_TYPES, RELS, type PropType } from '../model.ts';

function columns(props: Readonly<Record<string, PropType>>, skip: string[] = []): string[] {
  return Object.entries(props)
    .filter(([k]) => !skip.includes(k))
    .map(([k, t]) => `${k} ${t}`);
}

export function schemaStatements(): string[] {
  const nodes = LABELS.map(
    (l) => `CREATE NODE TABLE IF NOT EXISTS ${l}(id STRING PRIMARY KEY, ${columns(NODES[l].props, ['id']).join(', ')})`,
  );
  const rels = REL_TYPES.map((t) => {
    const ends = RELS[t].ends.map(([a, b]) => `FROM ${a} TO ${b}`);
    return `CREATE REL TABLE IF NOT EXISTS ${t}(${[...ends, ...columns(RELS[t].props)].join(', ')})`;
  });
  return [...nodes, ...rels];
}
