/**
 * Which files the system accepts, decided from what the file's bytes are (src/domain/file-signature.ts),
 * never from its name or the type the browser declared.
 *
 * Allowed: the documents a cooperation file is made of (PDF, Word, Excel, PowerPoint in their
 * current and legacy formats, OpenDocument text/spreadsheet/presentation) and raster images
 * (PNG, JPEG, GIF, WEBP: scans, photos, logos). Not allowed: HTML, JavaScript, SVG (images that
 * can carry script), plain text and CSV (text cannot be told apart from HTML by its bytes, and
 * browsers have rendered "text" as HTML), generic archives (ZIP, RAR...: they hide what they
 * carry, and nothing in the workflow needs them), executables and everything else.
 */
export interface UploadType {
  mime: string;
  /** The names a file of this type may have (lower case, with the dot). */
  extensions: string[];
  /** Whether a browser may show it in place: only raster images, which run no script. */
  inline: boolean;
}

const type = (mime: string, extensions: string[], inline = false): UploadType => ({ mime, extensions, inline });

export const UPLOAD_TYPES: UploadType[] = [
  type('application/pdf', ['.pdf']),
  type('application/msword', ['.doc']),
  type('application/vnd.ms-excel', ['.xls']),
  type('application/vnd.ms-powerpoint', ['.ppt']),
  type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['.docx']),
  type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['.xlsx']),
  type('application/vnd.openxmlformats-officedocument.presentationml.presentation', ['.pptx']),
  type('application/vnd.oasis.opendocument.text', ['.odt']),
  type('application/vnd.oasis.opendocument.spreadsheet', ['.ods']),
  type('application/vnd.oasis.opendocument.presentation', ['.odp']),
  type('image/png', ['.png'], true),
  type('image/jpeg', ['.jpg', '.jpeg'], true),
  type('image/gif', ['.gif'], true),
  type('image/webp', ['.webp'], true),
];

/**
 * Legacy Office files (.doc, .xls, .ppt) are all one container format (Compound File Binary):
 * content detection says only "CFB", so the name tells which of the three it is.
 */
const DETECTED_ALIASES: Record<string, string[]> = {
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
};

export const extensionOf = (filename: string) => {
  const match = /\.[^./\\]+$/.exec(filename.trim());
  return match ? match[0].toLowerCase() : '';
};

const byExtension = (filename: string) => {
  const ext = extensionOf(filename);
  return UPLOAD_TYPES.find((candidate) => candidate.extensions.includes(ext));
};

export type UploadVerdict = { ok: true; mime: string } | { ok: false; reason: 'not_allowed' | 'name_mismatch' };

/**
 * The verdict on a file whose content was detected as `detectedMime` (undefined: no known
 * signature, e.g. any text such as HTML, JS or SVG). The name must agree with the content, so
 * that the stored file's extension never claims another type than its bytes.
 */
export const classifyUpload = (detectedMime: string | undefined, filename: string): UploadVerdict => {
  if (!detectedMime) return { ok: false, reason: 'not_allowed' };
  const candidates = DETECTED_ALIASES[detectedMime] ?? [detectedMime];
  const allowed = UPLOAD_TYPES.filter((candidate) => candidates.includes(candidate.mime));
  if (!allowed.length) return { ok: false, reason: 'not_allowed' };
  const named = byExtension(filename);
  if (!named || !allowed.includes(named)) return { ok: false, reason: 'name_mismatch' };
  return { ok: true, mime: named.mime };
};

export interface ServedAs {
  mime: string;
  /** false: sent with `Content-Disposition: attachment` (downloaded, never rendered in place). */
  inline: boolean;
}

/**
 * How a stored file is sent, from its stored name. Anything outside the allow-list (files that
 * pre-date it: HTML, JS, SVG...) is sent as opaque bytes to download.
 */
export const servedAs = (filename: string): ServedAs => {
  const known = byExtension(filename);
  return known ? { mime: known.mime, inline: known.inline } : { mime: 'application/octet-stream', inline: false };
};
