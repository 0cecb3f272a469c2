import type { Context, Row } from './loaders.ts';

interface StoredDiagnostic {
  rule: string;
  message: string;
  severity: string;
  span: { start: number; end: number } | null;
}

export const Document = {
  regionStatus: (d: Row) => String(d.regionStatus ?? 'unknown').toUpperCase(),
  regionPath: async (d: Row, _: unknown, { loaders }: Context) => {
    const chain = await loaders.regionChain.load(String(d.id));
    return chain ? [chain.name, ...((chain.parents as string[]) ?? [])].filter(Boolean) : [];
  },
  years: (d: Row) => d.years ?? [],
  sections: (d: Row, _: unknown, { loaders }: Context) => loaders.topSections.load(String(d.id)),
  commitmentCount: async (d: Row, _: unknown, { loaders }: Context) => Number((await loaders.statementCounts.load(String(d.id)))?.commitments ?? 0),
  outcomeCount: async (d: Row, _: unknown, { loaders }: Context) => Number((await loaders.statementCounts.load(String(d.id)))?.outcomes ?? 0),
  diagnostics: async (d: Row, _: unknown, { loaders }: Context) => {
    const list = JSON.parse(String(d.diagnostics ?? '[]')) as StoredDiagnostic[];
    const text = list.some((x) => x.span) ? await loaders.documentText.load(String(d.id)) : null;
    return list.map((x) => ({
      ...x,
      source: x.span && text !== null ? { documentId: d.id, quote: text.slice(x.span.start, x.span.end), start: x.span.start, end: x.span.end } : null,
    }));
  },
  source: (d: Row) => ({ documentId: d.id, quote: d.title, start: d.titleStart, end: d.titleEnd }),
};
