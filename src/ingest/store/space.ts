// Room on the disk that holds the embedded store, checked before each write.
//
// LadybugDB 0.19.1 does not fail a write cleanly when the disk fills: the
// statement fails with an IO exception, and closing the database then aborts
// the process from native code (SIGABRT), so an ingest that fills the disk
// ended in a core dump. A write that cannot fit is refused before it starts
// instead; what was acknowledged stays (the intake journal), reads go on.
import { statfsSync } from 'node:fs';
import type { GraphStore } from '../../graph/port.ts';

/**
 * What a write needs free, measured on a full disk: 50 generated documents
 * (1.4 MiB of text) and their links grew the engine's journal by 10 MiB
 * before the disk filled, and a checkpoint needs as much again for its
 * shadow pages. So 16 bytes per byte of input, and a floor for the
 * checkpoints and relinks every write is followed by.
 */
export const SPACE = { floorBytes: 64 * 1024 * 1024, perInputByte: 16 } as const;

/** Bytes free to this process where the store writes; null where that is not a local folder (Neo4j, in memory). */
export function freeBytes(store: GraphStore): number | null {
  if (store.redoDir === undefined) return null;
  try {
    const s = statfsSync(store.redoDir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Why a write of `inputBytes` of documents cannot start, or null when it fits. */
export function noRoomFor(store: GraphStore, inputBytes: number): string | null {
  const free = freeBytes(store);
  const needed = SPACE.floorBytes + SPACE.perInputByte * inputBytes;
  if (free === null || free >= needed) return null;
  return `the disk holding the store (${store.redoDir}) has ${mib(free)} MiB free and this write needs about ${mib(needed)} MiB; free some space and run the same ingest again (nothing of it was written)`;
}
