import { createHash, timingSafeEqual } from 'node:crypto';
import type { Auth } from '../resolvers/index.ts';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Check `Authorization: Bearer <token>` against the configured token. Both
 * sides are hashed first so timingSafeEqual compares equal-length buffers and
 * the time taken says nothing about the token's length or prefix.
 */
export function authorize(header: string | undefined, token: string | undefined): Auth {
  if (!token) return { tokenConfigured: false, authenticated: false };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const presented = match?.[1] ?? '';
  // Compare even when nothing was presented, so a missing header costs the same as a wrong one.
  const equal = timingSafeEqual(digest(presented), digest(token));
  return { tokenConfigured: true, authenticated: equal && presented !== '' };
}
