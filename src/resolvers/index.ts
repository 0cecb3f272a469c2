import { Document } from './document.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { Section } from './section.ts';
import { Commitment, Outcome } from './statements.ts';

export const resolvers = { Query, Mutation, Document, Section, Commitment, Outcome };
export { createLoaders, type Context } from './loaders.ts';
export type { ApiContext, Auth } from './mutation.ts';
