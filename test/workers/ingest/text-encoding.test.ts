import iconv from 'iconv-lite';
import { decodeSample } from '../../../workers/ingest/text-encoding';

describe('decoding a UTF-8 sample', () => {
  const samples: Record<string, Buffer> = {
    'plain text': Buffer.from('City,Sales\nZürich,51\n'),
    'a byte-order mark': Buffer.from('\ufeffCity,Sales\n'),
    'a byte-order mark alone': Buffer.from([0xef, 0xbb, 0xbf]),
    'a character cut at the end': Buffer.from([...Buffer.from('Caf'), 0xc3]),
    'a four-byte character cut at the end': Buffer.from([...Buffer.from('a,'), 0xf0, 0x9f, 0x98]),
    'a lead byte before ASCII at the end': Buffer.from([...Buffer.from('a,'), 0xe2, 0x41]),
    'stray bytes in the middle': Buffer.from([...Buffer.from('M'), 0xfc, 0xff, ...Buffer.from('nchen\n')]),
    'a cut character alone': Buffer.from([0xe2, 0x82]),
    nothing: Buffer.alloc(0),
  };

  it.each(Object.entries(samples))('gives what iconv-lite gives for %s', async (_, bytes) => {
    expect(await decodeSample(bytes, 'utf-8')).toBe(iconv.decode(bytes, 'utf-8', { stripBOM: true }));
    expect(await decodeSample(bytes, 'utf-8-bom')).toBe(iconv.decode(bytes, 'utf-8', { stripBOM: true }));
  });
});
