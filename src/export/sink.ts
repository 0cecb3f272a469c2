import { open, type FileHandle } from 'node:fs/promises';

/** A file written a page at a time: each write is awaited, so memory holds one page, never the file. */
export class FileSink {
  private bytes = 0;
  private closed = false;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<FileSink> {
    return new FileSink(await open(path, 'wx'));
  }

  async write(text: string): Promise<void> {
    if (!text) return;
    const buffer = Buffer.from(text, 'utf8');
    this.bytes += buffer.length;
    // writeFile (unlike write) keeps writing until the whole buffer is out.
    await this.handle.writeFile(buffer);
  }

  get size(): number {
    return this.bytes;
  }

  /** Closing twice is harmless (an export that fails closes every file it opened). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}
