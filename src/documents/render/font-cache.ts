/**
 * Parsed fonts, once per process. pdfkit (which pdfmake drives) parses every embedded TrueType
 * font again for each document: fontkit.create on the file's bytes, 20–60 ms a font, with its glyph
 * and layout caches starting cold each time. A parsed font does not depend on the document (pdfkit
 * makes each document's own subset of it), so pdfkit is given, before it loads, the same fontkit
 * module whose `create` returns the font already parsed from the same bytes (keyed by their
 * SHA-1). Imported by pdf.ts before pdfmake; where the module cache is not Node's (jest's
 * registry) or pdfkit was loaded already, nothing changes and fonts are parsed per document.
 */
import { createHash } from 'crypto';
import path from 'path';

type Fontkit = Record<string, unknown> & { create: (buffer: Uint8Array, postscriptName?: string) => unknown };

const pdfmakeDir = path.dirname(require.resolve('pdfmake/package.json'));
const pdfkitMain = require.resolve('pdfkit', { paths: [pdfmakeDir] });
const fontkitPath = require.resolve('fontkit', { paths: [path.dirname(pdfkitMain)] });

const MARK = Symbol.for('kerjasama.fontCache');

/** Whether pdfkit parses each font once per process (true after a successful install). */
export const installFontCache = (): boolean => {
  const cache = require.cache as NodeJS.Dict<NodeModule> | undefined;
  if ((cache?.[fontkitPath]?.exports as Record<symbol, unknown> | undefined)?.[MARK]) return true;
  if (!cache || cache[pdfkitMain]) return false;
  // The very module pdfkit will require, by its resolved path (an import cannot name it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fontkit = require(fontkitPath) as Fontkit;
  const entry = cache[fontkitPath];
  if (!entry) return false;
  const parsed = new Map<string, unknown>();
  const shared: Fontkit = { ...fontkit };
  shared.create = (buffer, postscriptName) => {
    const key = `${createHash('sha1').update(buffer).digest('hex')}:${postscriptName ?? ''}`;
    if (!parsed.has(key)) parsed.set(key, fontkit.create(buffer, postscriptName));
    return parsed.get(key);
  };
  Object.defineProperty(shared, MARK, { value: true });
  entry.exports = shared;
  return true;
};

export const fontCacheInstalled = installFontCache();
