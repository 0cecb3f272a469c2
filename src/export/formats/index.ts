import { csvFormat } from './csv.ts';
import type { Format } from './format.ts';
import { ndjsonFormat } from './ndjson.ts';
import { neo4jFormat } from './neo4j.ts';

export const EXPORT_FORMATS = ['ndjson', 'csv', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMATS: Readonly<Record<ExportFormat, Format>> = { ndjson: ndjsonFormat, csv: csvFormat, neo4j: neo4jFormat };
