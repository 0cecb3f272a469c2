// `plantrace export` options, checked at the boundary: every bad option named at once.
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from './formats/index.ts';

export const DEFAULT_OUT = './export';

const ExportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
  out: z.string().trim().min(1, 'must name a folder').default(DEFAULT_OUT),
});

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string;
}

/** The options, or one message naming each bad one (`--format: must be one of …`). */
export function parseExportOptions(flags: { format?: unknown; out?: unknown }): { ok: true; options: ExportOptions } | { ok: false; message: string } {
  const parsed = ExportOptionsSchema.safeParse({ format: flags.format, out: flags.out });
  if (parsed.success) return { ok: true, options: parsed.data };
  const message = parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ');
  return { ok: false, message };
}
