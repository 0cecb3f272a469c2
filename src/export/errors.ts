/** A problem the user can act on (the output folder, a value no format can hold): one line, no stack. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}
