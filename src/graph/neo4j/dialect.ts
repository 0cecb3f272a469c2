// Neo4j binds a list of row objects as it is: rows go as objects, properties read as `r.key`.
import { fill, objectBinding, type Dialect } from '../cypher/statements.ts';

export const neo4jDialect: Dialect = {
  name: 'neo4j',
  encode: (rows, props) => ({ form: 'objects', rows: fill(rows, props, (v) => v) }),
  binding: (_form, props) => objectBinding((expr) => expr)(props),
};
