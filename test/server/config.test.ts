import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const error = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('API settings', () => {
  it('defaults: no token, no other origins, introspection on, 10 s per request, answers up to 8 MiB', () => {
    expect(loadConfig({}).api).toEqual({ token: undefined, corsOrigins: [], introspection: true, requestTimeoutMs: 10_000, maxResponseBytes: 8 * 1024 * 1024 });
  });

  it('reads every setting', () => {
    const cfg = loadConfig({
      PLANTRACE_TOKEN: 'a-long-enough-token-123',
      PLANTRACE_CORS_ORIGINS: 'https://a.example.org, http://localhost:3000',
      PLANTRACE_INTROSPECTION: 'false',
      PLANTRACE_REQUEST_TIMEOUT_MS: '2500',
      PLANTRACE_MAX_RESPONSE_BYTES: '65536',
    });
    expect(cfg.api).toEqual({
      token: 'a-long-enough-token-123',
      corsOrigins: ['https://a.example.org', 'http://localhost:3000'],
      introspection: false,
      requestTimeoutMs: 2500,
      maxResponseBytes: 65536,
    });
  });

  it('names the setting in one line when a value is bad, and never echoes the token', () => {
    expect(error({ PLANTRACE_TOKEN: 'short' })).toBe('Invalid PLANTRACE_TOKEN=(hidden): must be at least 16 characters (e.g. openssl rand -hex 24)');
    expect(error({ PLANTRACE_CORS_ORIGINS: 'https://a.example.org/path' })).toMatch(/^Invalid PLANTRACE_CORS_ORIGINS="https:\/\/a\.example\.org\/path": each entry must be an origin/);
    expect(error({ PLANTRACE_CORS_ORIGINS: '*' })).toMatch(/^Invalid PLANTRACE_CORS_ORIGINS="\*"/);
    expect(error({ PLANTRACE_INTROSPECTION: 'maybe' })).toBe('Invalid PLANTRACE_INTROSPECTION="maybe": must be true or false');
    expect(error({ PLANTRACE_REQUEST_TIMEOUT_MS: '0' })).toMatch(/^Invalid PLANTRACE_REQUEST_TIMEOUT_MS="0": /);
    expect(error({ PLANTRACE_REQUEST_TIMEOUT_MS: 'soon' })).toMatch(/^Invalid PLANTRACE_REQUEST_TIMEOUT_MS="soon": /);
    expect(error({ PLANTRACE_MAX_RESPONSE_BYTES: '8MB' })).toMatch(/^Invalid PLANTRACE_MAX_RESPONSE_BYTES="8MB": /);
    expect(error({ PLANTRACE_MAX_RESPONSE_BYTES: '100' })).toBe('Invalid PLANTRACE_MAX_RESPONSE_BYTES="100": must be at least 1024');
    expect(error({ PLANTRACE_MAX_RESPONSE_BYTES: String(2 ** 31) })).toMatch(/^Invalid PLANTRACE_MAX_RESPONSE_BYTES="2147483648": must be at most 1 GiB/);
    for (const message of [error({ PLANTRACE_TOKEN: 'short' }), error({ PLANTRACE_INTROSPECTION: 'maybe' })]) expect(message).not.toContain('\n');
  });
});

describe('ingest settings', () => {
  it('writes 32 documents per transaction unless told otherwise, and refuses a group of none', () => {
    expect(loadConfig({}).writeGroup).toBe(32);
    expect(loadConfig({ PLANTRACE_WRITE_GROUP: '1' }).writeGroup).toBe(1);
    expect(error({ PLANTRACE_WRITE_GROUP: '0' })).toMatch(/^Invalid PLANTRACE_WRITE_GROUP="0": /);
    expect(error({ PLANTRACE_WRITE_GROUP: 'many' })).toMatch(/^Invalid PLANTRACE_WRITE_GROUP="many": /);
  });

  it('understands documents on a worker thread per core but one (at least one) unless told otherwise; 0 keeps them on the main thread', () => {
    expect(loadConfig({}).workers).toBe(Math.max(1, availableParallelism() - 1));
    expect(loadConfig({ PLANTRACE_WORKERS: '0' }).workers).toBe(0);
    expect(loadConfig({ PLANTRACE_WORKERS: '3' }).workers).toBe(3);
    expect(error({ PLANTRACE_WORKERS: '-1' })).toBe('Invalid PLANTRACE_WORKERS="-1": must be 0 (understand documents on the main thread) or more');
    expect(error({ PLANTRACE_WORKERS: '1.5' })).toBe('Invalid PLANTRACE_WORKERS="1.5": must be a whole number of threads');
    expect(error({ PLANTRACE_WORKERS: 'all' })).toMatch(/^Invalid PLANTRACE_WORKERS="all": /);
  });
});
