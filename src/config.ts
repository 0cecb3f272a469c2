import { z } from 'zod';

// Environment variables and CLI flags meet here and nowhere else. A bad value
// becomes one line naming the setting, never a stack trace.

const port = z.coerce.number().int().min(0).max(65535);

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
});

export type StoreConfig =
  | { readonly engine: 'ladybug'; readonly dataDir: string }
  | {
      readonly engine: 'neo4j';
      readonly neo4j: { uri: string; username: string; password: string; database: string | undefined };
    };

export interface Config {
  readonly store: StoreConfig;
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
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
    throw new ConfigError(`Invalid ${key}=${JSON.stringify(merged[key] ?? '')}: ${issue.message}`);
  }
  const e = parsed.data;
  const store: StoreConfig = e.NEO4J_URI
    ? {
        engine: 'neo4j',
        neo4j: { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
      }
    : { engine: 'ladybug', dataDir: e.PLANTRACE_DATA };
  return { store, port: e.PORT, host: e.HOST, production: e.NODE_ENV === 'production' };
}
