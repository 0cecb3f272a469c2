import { Document } from './document.ts';
import { Query } from './query.ts';
import { Section } from './section.ts';
import { Commitment, Outcome } from './statements.ts';

export const resolvers = { Query, Document, Section, Commitment, Outcome };
export { createLoaders, type Context } from './loaders.ts';
