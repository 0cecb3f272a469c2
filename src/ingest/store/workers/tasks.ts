// What a worker thread does: the CPU-bound steps of ingest, each a pure
// function of plain data. entry.mjs loads this module in every worker; the
// pool (pool.ts) runs a task by its export's name.
export { prepareDocument as prepare } from '../prepare.ts';
export { linkPart as link } from '../link-part.ts';
