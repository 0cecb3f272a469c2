// Reads the corpus gold's documents from ../shared/corpus and scores them; null when the corpus is absent.
import { existsSync } from 'node:fs';
import { understand } from '../ingest/pipeline.ts';
import { readFile } from '../ingest/read/index.ts';
import { corpusOverall, scoreCorpusDocument, scoreCorpusStatements, type CorpusDocumentScore, type CorpusGold, type CorpusOverall, type CorpusStatementScore } from './corpus.ts';
import type { StatementClass } from '../vocabulary.ts';

export interface CorpusInput {
  readonly dir: string;
  readonly documents: ReadonlyArray<CorpusGold & { readonly collection: string }>;
  readonly statements: ReadonlyArray<{ readonly document: string; readonly statements: ReadonlyArray<{ readonly text: string; readonly class: StatementClass }> }>;
}

export interface CorpusResult {
  readonly documents: readonly CorpusDocumentScore[];
  readonly statements: readonly CorpusStatementScore[];
  readonly overall: CorpusOverall;
}

export async function evaluateCorpus(input: CorpusInput): Promise<CorpusResult | null> {
  if (!existsSync(input.dir)) return null;
  const documents: CorpusDocumentScore[] = [];
  const statements: CorpusStatementScore[] = [];
  for (const gold of input.documents) {
    const read = await readFile(`${input.dir}/${gold.collection}/${gold.document}`);
    if (!read.ok) throw new Error(read.failure.reason);
    const u = understand(read.source);
    documents.push(scoreCorpusDocument(gold, u));
    const annotated = input.statements.find((s) => s.document === gold.document);
    if (annotated) statements.push(scoreCorpusStatements(gold.document, annotated.statements, u));
  }
  return { documents, statements, overall: corpusOverall(documents, statements) };
}
