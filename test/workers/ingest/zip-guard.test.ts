import { WorkerError } from '../../../workers/errors';
import { openGuardedZip, type GuardedZip } from '../../../workers/ingest/zip-guard';
import { patchDeclaredSize, repetitiveSheet, writeBytes, zipOf } from '../../fixtures/xlsx/workbooks';

const MB = 1024 * 1024;

async function guarded(files: Record<string, string | Buffer>, maxUnzippedBytes: number): Promise<GuardedZip> {
  return openGuardedZip(writeBytes(await zipOf(files)), { maxUnzippedBytes });
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('openGuardedZip', () => {
  it('refuses an entry that declares more than the limit, before inflating anything', async () => {
    await expect(guarded({ 'big.xml': 'x'.repeat(2 * MB) }, MB)).rejects.toMatchObject({
      code: 'XLSX_ZIP_BOMB',
      message: 'This workbook would expand to more than 1 MB when unzipped, so it was refused as a possible zip bomb.',
    });
  });

  it('refuses entries that together declare more than the limit', async () => {
    const part = 'y'.repeat(0.6 * MB);

    await expect(guarded({ 'a.xml': part, 'b.xml': part }, MB)).rejects.toMatchObject({ code: 'XLSX_ZIP_BOMB' });
  });

  it('refuses an entry compressed far beyond what real data reaches', async () => {
    await expect(guarded({ 'zeros.xml': Buffer.alloc(12 * MB) }, 1024 * MB)).rejects.toMatchObject({
      code: 'XLSX_ZIP_BOMB',
      message: expect.stringMatching(/^Part of this workbook is compressed \d+:1, far beyond any real spreadsheet/),
    });
  });

  it('refuses what is not a zip archive as damaged', async () => {
    await expect(
      openGuardedZip(writeBytes(Buffer.from('PK\x03\x04 not really', 'latin1')), { maxUnzippedBytes: MB }),
    ).rejects.toMatchObject({
      code: 'XLSX_CORRUPT',
    });
  });

  it('stops inflating an entry whose directory understates its size as soon as it passes it', async () => {
    const honest = await zipOf({ 'sheet.xml': repetitiveSheet(20 * MB) });
    const zip = await openGuardedZip(writeBytes(patchDeclaredSize(honest, 'sheet.xml', 200_000)), {
      maxUnzippedBytes: 64 * MB,
    });
    let seen = 0;

    const reading = collect(
      zip.repack([{ name: 'sheet.xml', entry: 'sheet.xml', observe: (chunk) => (seen += chunk.length) }]),
    );

    await expect(reading).rejects.toBeInstanceOf(WorkerError);
    await expect(reading).rejects.toMatchObject({ code: 'XLSX_ZIP_BOMB' });
    expect(seen).toBeLessThanOrEqual(200_000);
    zip.close();
  });

  it('reads small parts as text and names a missing one as damage', async () => {
    const zip = await guarded({ 'xl/workbook.xml': '<workbook/>' }, MB);

    expect(zip.has('xl/workbook.xml')).toBe(true);
    expect(await zip.readText('xl/workbook.xml', 1000)).toBe('<workbook/>');
    await expect(zip.readText('xl/styles.xml', 1000)).rejects.toMatchObject({
      code: 'XLSX_CORRUPT',
      message: 'This workbook is damaged: its xl/styles.xml part is missing.',
    });
    zip.close();
  });

  it('repacks parts as a stored zip whose chunks never split a UTF-8 character', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `東京 ${i} café ☕`).join('\n');
    const zip = await guarded({ 'notes.txt': text }, 64 * MB);

    const chunks = await collect(
      zip.repack([
        { name: 'a.xml', text: '<a/>' },
        { name: 'notes.txt', entry: 'notes.txt' },
      ]),
    );
    zip.close();

    const all = Buffer.concat(chunks);
    expect(all.readUInt32LE(0)).toBe(0x04034b50);
    expect(all.includes(Buffer.from(text, 'utf8'))).toBe(true);
    expect(all.readUInt32LE(all.length - 22)).toBe(0x06054b50);
    // A chunk starting with a continuation byte would have cut a character in two.
    expect(chunks.filter((chunk) => ((chunk[0] as number) & 0xc0) === 0x80)).toEqual([]);
    expect(chunks.length).toBeGreaterThan(3);
  });
});
