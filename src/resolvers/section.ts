import type { Context, Row } from './loaders.ts';
import { sourceOf } from './source.ts';

export const Section = {
  children: (s: Row, _: unknown, { loaders }: Context) => loaders.childSections.load(String(s.id)),
  source: sourceOf,
};
