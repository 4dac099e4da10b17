import { detectFileType } from '../../src/domain/file-signature';
import { classifyUpload, servedAs } from '../../src/domain/upload-types';
import { parseToManyAdditions } from '../../src/document-middlewares/relation-input';
import { createUrlSigner } from '../../src/uploads/signed-urls';

describe('classifyUpload: the content decides, the name must agree', () => {
  test.each([
    ['application/pdf', 'Laporan.PDF', 'application/pdf'],
    ['image/jpeg', 'scan.jpeg', 'image/jpeg'],
    ['application/x-cfb', 'lama.doc', 'application/msword'],
    ['application/x-cfb', 'lama.xls', 'application/vnd.ms-excel'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'mou.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['application/vnd.oasis.opendocument.spreadsheet', 'data.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ])('%s named %s is accepted as %s', (detected, name, mime) => {
    expect(classifyUpload(detected, name)).toEqual({ ok: true, mime });
  });

  test.each([
    [undefined, 'annex.html', 'not_allowed'],
    [undefined, 'annex.pdf', 'not_allowed'],
    [undefined, 'logo.svg', 'not_allowed'],
    ['application/zip', 'arsip.zip', 'not_allowed'],
    ['application/x-msdownload', 'setup.exe', 'not_allowed'],
    ['application/pdf', 'annex.html', 'name_mismatch'],
    ['application/pdf', 'gambar.png', 'name_mismatch'],
    ['application/x-cfb', 'paket.msi', 'name_mismatch'],
    ['image/png', 'tanpa-ekstensi', 'name_mismatch'],
  ])('%s named %s is refused (%s)', (detected, name, reason) => {
    expect(classifyUpload(detected, name)).toEqual({ ok: false, reason });
  });
});

describe('servedAs', () => {
  test.each([
    ['/uploads/a_1.png', 'image/png', true],
    ['/uploads/a_1.JPG', 'image/jpeg', true],
    ['/uploads/a_1.pdf', 'application/pdf', false],
    ['/uploads/a_1.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
    ['/uploads/a_1.html', 'application/octet-stream', false],
    ['/uploads/a_1.svg', 'application/octet-stream', false],
    ['/uploads/a_1.js', 'application/octet-stream', false],
    ['/uploads/a_1', 'application/octet-stream', false],
  ])('%s is sent as %s (inline %s)', (file, mime, inline) => {
    expect(servedAs(file)).toEqual({ mime, inline });
  });
});

describe('parseToManyAdditions: what a write adds, whatever the shape', () => {
  test.each<[string, unknown, unknown[]]>([
    ['nothing', undefined, []],
    ['null', null, []],
    ['an id', 3, [{ id: 3 }]],
    ['a numeric string', '3', [{ id: 3 }]],
    ['a documentId', 'abc', [{ documentId: 'abc' }]],
    ['an array of mixed refs', [1, '2', 'doc', { id: 4 }, { documentId: 'd5' }], [{ id: 1 }, { id: 2 }, { documentId: 'doc' }, { id: 4 }, { documentId: 'd5' }]],
    ['{ id }', { id: '7' }, [{ id: 7 }]],
    ['connect with ids', { connect: [1, 2] }, [{ id: 1 }, { id: 2 }]],
    ['connect with one object', { connect: { documentId: 'x' } }, [{ documentId: 'x' }]],
    ['connect with positions', { connect: [{ id: 1, position: { before: 9 } }, { id: 2, position: { after: 9 } }, { id: 3, position: { start: true } }, { id: 4, position: { end: true } }] }, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]],
    ['set', { set: [{ documentId: 'y' }, 5] }, [{ documentId: 'y' }, { id: 5 }]],
    ['set and connect', { set: [1], connect: [2] }, [{ id: 1 }, { id: 2 }]],
    ['only disconnect', { disconnect: [1, { documentId: 'z' }] }, []],
    ['an empty list', [], []],
  ])('%s', (_, value, refs) => {
    expect(parseToManyAdditions(value)).toEqual({ ok: true, refs });
  });

  test.each<[string, unknown]>([
    ['an operator object as id', { connect: [{ id: { $gt: 0 } }] }],
    ['a boolean', true],
    ['a fraction', 1.5],
    ['an unknown key beside connect', { connect: [1], push: [2] }],
    ['an object without a ref', [{ name: 'x' }]],
    ['a bad disconnect', { disconnect: [{}] }],
  ])('%s cannot be read', (_, value) => {
    expect(parseToManyAdditions(value)).toEqual({ ok: false });
  });
});

describe('signed upload links', () => {
  const signer = createUrlSigner(['k1', 'k2']);
  const now = Date.UTC(2026, 11, 1, 12);
  const parts = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams) as { exp: string; sig: string };

  test('a link is valid until it expires, for its own path only', () => {
    const { exp, sig } = parts(signer.sign('/uploads/a_1.pdf', now));
    expect(Number(exp) * 1000 - now).toBeGreaterThanOrEqual(3600_000);
    expect(signer.verify('/uploads/a_1.pdf', exp, sig, now)).toBe('valid');
    expect(signer.verify('/uploads/b_2.pdf', exp, sig, now)).toBe('invalid');
    expect(signer.verify('/uploads/a_1.pdf', String(Number(exp) + 600), sig, now)).toBe('invalid');
    expect(signer.verify('/uploads/a_1.pdf', exp, sig, Number(exp) * 1000 + 1000)).toBe('invalid');
    expect(signer.verify('/uploads/a_1.pdf', undefined, undefined, now)).toBe('missing');
    expect(signer.verify('/uploads/a_1.pdf', exp, [sig, sig], now)).toBe('invalid');
    expect(createUrlSigner(['other']).verify('/uploads/a_1.pdf', exp, sig, now)).toBe('invalid');
  });

  test('no keys, no links', () => {
    expect(() => createUrlSigner([])).toThrow(/APP_KEYS/);
  });
});

describe('detectFileType', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip');
  const zip = async (entries: Array<[string, string]>, storeFirst = false) => {
    const archive = new JSZip();
    entries.forEach(([name, content], i) => archive.file(name, content, { compression: storeFirst && i === 0 ? 'STORE' : 'DEFLATE' }));
    return archive.generateAsync({ type: 'nodebuffer' }) as Promise<Buffer>;
  };

  test.each([
    ['%PDF-1.7\n', 'application/pdf'],
    ['\x89PNG\r\n\x1a\n....', 'image/png'],
    ['\xff\xd8\xff\xe0', 'image/jpeg'],
    ['GIF89a', 'image/gif'],
    ['RIFF\x00\x00\x00\x00WEBPVP8 ', 'image/webp'],
    ['\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'application/x-cfb'],
    ['<!doctype html><script>', undefined],
    ['<svg xmlns="http://www.w3.org/2000/svg">', undefined],
    [' %PDF-1.4', undefined],
    ['', undefined],
  ])('%j is %s', (content, type) => {
    expect(detectFileType(Buffer.from(content, 'latin1'))).toBe(type);
  });

  test('Office Open XML and OpenDocument are told apart from other ZIP archives', async () => {
    const types = '<Types/>';
    expect(detectFileType(await zip([['[Content_Types].xml', types], ['word/document.xml', '<w/>']]))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectFileType(await zip([['[Content_Types].xml', types], ['xl/workbook.xml', '<w/>']]))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(detectFileType(await zip([['[Content_Types].xml', types], ['ppt/presentation.xml', '<p/>']]))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(detectFileType(await zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<x/>']], true))).toBe('application/vnd.oasis.opendocument.text');
    expect(detectFileType(await zip([['word/document.xml', '<w/>']]))).toBe('application/zip');
    expect(detectFileType(await zip([['index.html', '<script>1</script>']]))).toBe('application/zip');
    expect(detectFileType(await zip([['mimetype', 'text/html'], ['a', 'b']], true))).toBe('application/zip');
  });
});
