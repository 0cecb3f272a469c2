// Rows for store tests that name only the properties a test is about: the
// rest are null, as ingest would send them when it knows nothing (ingest
// itself must name every property: NodeRow has no optional keys).
import { NODES, RELS, type Label, type NodeRow, type RelRow, type RelType } from '../../src/graph/model.ts';

const nulls = (props: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.keys(props).map((k) => [k, null]));

export function node<L extends Label>(label: L, values: Partial<NodeRow<L>> & { readonly id: string }): NodeRow<L> {
  return { ...nulls(NODES[label].props), ...values } as NodeRow<L>;
}

export function rel<T extends RelType>(type: T, values: Partial<RelRow<T>> & { readonly a: string; readonly b: string }): RelRow<T> {
  return { ...nulls(RELS[type].props), ...values } as RelRow<T>;
}
