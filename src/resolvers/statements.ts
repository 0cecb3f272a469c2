import type { Context, Row } from './loaders.ts';
import { sourceOf } from './source.ts';

const document = (s: Row, _: unknown, { loaders }: Context) => loaders.document.load(String(s.doc));

export const Commitment = { document, source: sourceOf };

export const Outcome = { document, source: sourceOf, progressWords: (o: Row) => o.progressWords ?? [] };
