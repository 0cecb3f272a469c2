import { availableParallelism } from 'node:os';
import { z } from 'zod';

// Environment variables and CLI flags meet here and nowhere else. A bad value
// becomes one line naming the setting, never a stack trace.

const port = z.coerce.number().int().min(0).max(65535);

/** An origin as browsers send it: scheme, host, optional port; no path, no trailing slash. */
const origin = z.string().refine((o) => {
  try {
    const u = new URL(o);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === o;
  } catch {
    return false;
  }
}, 'each entry must be an origin like https://example.org or http://localhost:3000 (no path, no trailing slash)');

const originList = z
  .string()
  .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(origin));

const flag = z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('localhost'),
  PLANTRACE_DATA: z.string().min(1).default('./data'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
  /** The bearer token mutations need; unset, mutations are disabled. */
  PLANTRACE_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (e.g. openssl rand -hex 24)')
    .regex(/^\S+$/, 'must not contain spaces')
    .optional(),
  PLANTRACE_CORS_ORIGINS: originList.default([]),
  PLANTRACE_INTROSPECTION: flag.default(true),
  PLANTRACE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  PLANTRACE_MAX_RESPONSE_BYTES: z.coerce.number().int().min(1024, 'must be at least 1024').max(2 ** 30, 'must be at most 1 GiB (1073741824)').default(8 * 2 ** 20),
  PLANTRACE_WRITE_GROUP: z.coerce.number().int().min(1).max(256).default(32),
  // One thread per core but one by default: the main thread has the store's
  // writes and the API to run, and on two cores one thread ingested fastest
  // (100×: 161 ms per document, against 184 with two and 174 with none,
  // bench/ingest.ts --workers). 0: on the main thread.
  PLANTRACE_WORKERS: z.coerce
    .number()
    .int('must be a whole number of threads')
    .min(0, 'must be 0 (understand documents on the main thread) or more')
    .max(256, 'must be at most 256')
    .default(Math.max(1, availableParallelism() - 1)),
});

/** Settings whose value must never be echoed in an error message. */
const SECRET = new Set(['PLANTRACE_TOKEN', 'NEO4J_PASSWORD']);

export type StoreConfig =
  | { readonly engine: 'ladybug'; readonly dataDir: string }
  | {
      readonly engine: 'neo4j';
      readonly neo4j: { uri: string; username: string; password: string; database: string | undefined };
    };

export interface ApiConfig {
  readonly token: string | undefined;
  readonly corsOrigins: readonly string[];
  readonly introspection: boolean;
  readonly requestTimeoutMs: number;
  /** The largest answer sent; a bigger one is refused with RESPONSE_TOO_LARGE. */
  readonly maxResponseBytes: number;
}

export interface Config {
  readonly store: StoreConfig;
  /** Documents an ingest writes per transaction (a crash loses at most the group being written). */
  readonly writeGroup: number;
  /** Worker threads that understand documents and compute links; 0: the main thread does. */
  readonly workers: number;
  readonly port: number;
  readonly host: string;
  /** NODE_ENV=development: errors show stack traces and internals. Anything else (unset included) hides them. */
  readonly development: boolean;
  readonly api: ApiConfig;
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigFlags {
  readonly port?: string | number | undefined;
  readonly host?: string | undefined;
  readonly data?: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigFlags = {}): Config {
  const merged: Record<string, string | undefined> = {
    ...env,
    ...(flags.port !== undefined ? { PORT: String(flags.port) } : {}),
    ...(flags.host !== undefined ? { HOST: flags.host } : {}),
    ...(flags.data !== undefined ? { PLANTRACE_DATA: flags.data } : {}),
  };
  // An empty variable means "not set" to most tools that write env files.
  for (const k of Object.keys(merged)) if (merged[k] === '') delete merged[k];
  const parsed = EnvSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? 'configuration');
    const shown = SECRET.has(key) ? '(hidden)' : JSON.stringify(merged[key] ?? '');
    throw new ConfigError(`Invalid ${key}=${shown}: ${issue.message}`);
  }
  const e = parsed.data;
  const store: StoreConfig = e.NEO4J_URI
    ? {
        engine: 'neo4j',
        neo4j: { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
      }
    : { engine: 'ladybug', dataDir: e.PLANTRACE_DATA };
  const api: ApiConfig = {
    token: e.PLANTRACE_TOKEN,
    corsOrigins: e.PLANTRACE_CORS_ORIGINS,
    introspection: e.PLANTRACE_INTROSPECTION,
    requestTimeoutMs: e.PLANTRACE_REQUEST_TIMEOUT_MS,
    maxResponseBytes: e.PLANTRACE_MAX_RESPONSE_BYTES,
  };
  return { store, writeGroup: e.PLANTRACE_WRITE_GROUP, workers: e.PLANTRACE_WORKERS, port: e.PORT, host: e.HOST, development: e.NODE_ENV === 'development', api };
}
