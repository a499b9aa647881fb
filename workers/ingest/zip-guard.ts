import { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { WorkerError, describeBytes } from '../errors';

/** Real sheet XML deflates about 5–50:1; deflate's ceiling is about 1000:1, reached only by data made to compress. */
const MAX_RATIO = 200;
/** Small parts may compress absurdly well (an empty sheet) without being dangerous. */
const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

export interface ZipGuardOptions {
  /** Refuse the archive once its parts would inflate, or do inflate, past this many bytes. */
  maxUnzippedBytes: number;
}

/** One entry of the stored zip built by {@link GuardedZip.repack}. */
export type RepackPart =
  { name: string; entry: string; observe?: (chunk: Buffer) => void } | { name: string; text: string };

/**
 * A zip archive whose central directory has been checked: no entry, nor all of
 * them together, declares more than the limit, and none compresses absurdly.
 * Every read inflates through yauzl with entry sizes validated and a running
 * byte count, so an archive whose directory lies is refused while it inflates,
 * not after.
 */
export interface GuardedZip {
  has(name: string): boolean;
  /** The size an entry declares once inflated; reading it never yields more (sizes are validated). */
  declaredSize(name: string): number;
  /** An entry's text, for small parts (the workbook index); refused as corrupt past `maxBytes`. */
  readText(name: string, maxBytes: number): Promise<string>;
  /**
   * The given parts as an uncompressed zip stream, inflated here lazily, in order,
   * as the stream is read. Another zip reader can parse it without inflating
   * anything itself, so the only bytes it sees are ones this guard counted.
   * Chunks end on UTF-8 character boundaries. The stream errors with a
   * {@link WorkerError}.
   */
  repack(parts: readonly RepackPart[]): Readable;
  close(): void;
}

/**
 * Opens a zip archive and checks its central directory before anything is
 * inflated; throws `XLSX_CORRUPT` when it is not a readable zip and
 * `XLSX_ZIP_BOMB` when it declares too much.
 *
 * @example
 * const zip = await openGuardedZip(path, { maxUnzippedBytes: 1024 ** 3 });
 * try { const xml = await zip.readText('xl/workbook.xml', 1 << 20); } finally { zip.close(); }
 */
export async function openGuardedZip(path: string, options: ZipGuardOptions): Promise<GuardedZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw corrupt(error);
  }
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) {
      if (entries.has(entry.fileName)) {
        throw new WorkerError('XLSX_CORRUPT', 'This workbook is damaged: it holds the same part twice.');
      }
      entries.set(entry.fileName, entry);
    }
    checkDeclaredSizes([...entries.values()], options.maxUnzippedBytes);
    return new CheckedZip(zip, entries, options.maxUnzippedBytes);
  } catch (error) {
    zip.close();
    throw error instanceof WorkerError ? error : corrupt(error);
  }
}

function checkDeclaredSizes(entries: readonly Entry[], limit: number): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limit || total > limit) throw tooBig(limit);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
      throw new WorkerError(
        'XLSX_ZIP_BOMB',
        `Part of this workbook is compressed ${Math.round(ratio)}:1, far beyond any real spreadsheet, so it was refused as a possible zip bomb.`,
      );
    }
  }
}

class CheckedZip implements GuardedZip {
  /** Bytes inflated so far, across every read. */
  private inflated = 0;

  constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly limit: number,
  ) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  declaredSize(name: string): number {
    return this.entry(name).uncompressedSize;
  }

  async readText(name: string, maxBytes: number): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.inflate(name)) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new WorkerError('XLSX_CORRUPT', `This workbook is damaged: its ${name} part is far too large.`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  repack(parts: readonly RepackPart[]): Readable {
    return Readable.from(this.storedZip(parts), { objectMode: false });
  }

  close(): void {
    this.zip.close();
  }

  private async *storedZip(parts: readonly RepackPart[]): AsyncGenerator<Buffer> {
    for (const part of parts) {
      if ('text' in part) {
        const body = Buffer.from(part.text, 'utf8');
        yield localFileHeader(part.name, body.length);
        yield body;
        continue;
      }
      // yauzl has validated the inflated size against this declared one by the time the part ends.
      yield localFileHeader(part.name, this.entry(part.entry).uncompressedSize);
      let carry: Buffer | null = null;
      for await (const chunk of this.inflate(part.entry)) {
        part.observe?.(chunk);
        const joined: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
        const cut = utf8Boundary(joined);
        carry = cut < joined.length ? Buffer.from(joined.subarray(cut)) : null;
        if (cut > 0) yield joined.subarray(0, cut);
      }
      if (carry) yield carry;
    }
    yield END_OF_CENTRAL_DIRECTORY;
  }

  private async *inflate(name: string): AsyncGenerator<Buffer> {
    const entry = this.entry(name);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw entryError(error);
    }
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        // yauzl already stops an entry at its declared size; this bounds the sum
        // across entries too, whatever the directory claimed.
        this.inflated += chunk.length;
        if (this.inflated > this.limit) throw tooBig(this.limit);
        yield chunk;
      }
    } catch (error) {
      throw entryError(error);
    } finally {
      stream.destroy();
    }
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new WorkerError('XLSX_CORRUPT', `This workbook is damaged: its ${name} part is missing.`);
    return entry;
  }
}

function tooBig(limit: number): WorkerError {
  return new WorkerError(
    'XLSX_ZIP_BOMB',
    `This workbook would expand to more than ${describeBytes(limit)} when unzipped, so it was refused as a possible zip bomb.`,
  );
}

function corrupt(cause: unknown): WorkerError {
  return new WorkerError(
    'XLSX_CORRUPT',
    'This file could not be opened as an Excel workbook: it is damaged or incomplete.',
    {
      cause,
    },
  );
}

function entryError(error: unknown): WorkerError {
  if (error instanceof WorkerError) return error;
  const message = error instanceof Error ? error.message : '';
  // yauzl's validateEntrySizes message: the entry inflates past the size its directory declared.
  if (message.startsWith('too many bytes in the stream')) {
    return new WorkerError(
      'XLSX_ZIP_BOMB',
      "This workbook's contents are larger than its own index says, so it was refused as a possible zip bomb.",
      { cause: error },
    );
  }
  if (/encrypted/i.test(message)) {
    return new WorkerError(
      'XLSX_ENCRYPTED',
      'This workbook is encrypted; save it without a password and send it again.',
      {
        cause: error,
      },
    );
  }
  return corrupt(error);
}

/**
 * A zip local file header for an uncompressed entry whose size is known up front
 * (general-purpose flag: UTF-8 names, no data descriptor).
 */
function localFileHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

/** A reader streaming from the front stops here; nothing needs the central directory itself. */
const END_OF_CENTRAL_DIRECTORY = (() => {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
})();

/** Length of the longest prefix of `bytes` that does not end inside a UTF-8 character. */
function utf8Boundary(bytes: Buffer): number {
  const end = bytes.length;
  let start = end - 1;
  while (start >= 0 && start > end - 4 && ((bytes[start] as number) & 0xc0) === 0x80) start--;
  if (start < 0) return end;
  const lead = bytes[start] as number;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + length > end ? start : end;
}
