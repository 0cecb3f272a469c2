// A worker thread's entry: plain JavaScript, because a worker does not inherit
// the loader that lets the main thread run TypeScript (bin/run.js registers
// tsx there; vitest uses its own, which workers do not get either). It
// registers tsx for this thread, then loads the tasks.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');

export const prepare = tasks.prepare;
export const link = tasks.link;
