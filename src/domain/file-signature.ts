/**
 * What a file is, from its bytes: the few signatures of the allowed types (src/domain/upload-types.ts).
 * A small table rather than a library: the maintained sniffing library (file-type) is ESM-only,
 * which this CommonJS build (and its tests) cannot load. Office Open XML and OpenDocument files
 * are ZIP archives: they are told apart by the names in the archive's central directory, and by
 * the `mimetype` entry OpenDocument stores first, uncompressed.
 */
const startsWith = (bytes: Buffer, signature: number[] | string, offset = 0) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= offset + expected.length && bytes.subarray(offset, offset + expected.length).equals(expected);
};

/** Entry names from a ZIP's central directory (found through the end-of-central-directory record). */
export const zipEntryNames = (bytes: Buffer): string[] => {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    const count = bytes.readUInt16LE(at + 10);
    let cursor = bytes.readUInt32LE(at + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      if (cursor + 46 > bytes.length || bytes.readUInt32LE(cursor) !== CENTRAL) return [];
      const nameLength = bytes.readUInt16LE(cursor + 28);
      const extraLength = bytes.readUInt16LE(cursor + 30);
      const commentLength = bytes.readUInt16LE(cursor + 32);
      names.push(bytes.subarray(cursor + 46, cursor + 46 + nameLength).toString('utf8'));
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return [];
};

const OOXML: Array<[string, string]> = [
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

const zipType = (bytes: Buffer): string => {
  // OpenDocument: the first entry is "mimetype", stored, holding the type itself.
  if (bytes.length > 38 && bytes.readUInt16LE(8) === 0 && bytes.readUInt16LE(26) === 8 && startsWith(bytes, 'mimetype', 30)) {
    const start = 30 + 8 + bytes.readUInt16LE(28);
    const size = bytes.readUInt32LE(18);
    const mime = bytes.subarray(start, start + Math.min(size, 100)).toString('latin1');
    if (/^application\/vnd\.oasis\.opendocument\.[a-z.-]+$/.test(mime)) return mime;
  }
  const names = new Set(zipEntryNames(bytes));
  if (names.has('[Content_Types].xml')) {
    const office = OOXML.find(([entry]) => names.has(entry));
    if (office) return office[1];
  }
  return 'application/zip';
};

/** The detected type, or undefined when no signature matches (all text: HTML, JS, SVG, CSV...). */
export const detectFileType = (bytes: Buffer): string | undefined => {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return 'image/gif';
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return 'image/webp';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-cfb';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipType(bytes);
  return undefined;
};
