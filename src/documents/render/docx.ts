import fs from 'fs';
import path from 'path';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { INSTITUTION, documentNumberText, type DocumentOptions } from './options';
import { qrPng } from './qr';

/**
 * Where the Word templates live: `templates/<form code>.docx` at the project root. The office replaces a
 * file with its own letterhead; the placeholders ({formCode}, {documentNumber}, loops such as {#rows}…{/rows})
 * are the contract, listed in templates/README.md.
 */
export const templatesDir = () => {
  const root = (globalThis as { strapi?: { dirs?: { app?: { root?: string } } } }).strapi?.dirs?.app?.root;
  return path.join(root ?? process.cwd(), 'templates');
};

export const templatePath = (formCode: string) => path.join(templatesDir(), `${formCode}.docx`);

/** The values every template may use besides its own: the common header and footer. */
export const commonFields = (options: DocumentOptions) => ({
  formCode: options.formCode,
  formVersion: options.formVersion,
  titleId: options.title.id,
  titleEn: options.title.en,
  institutionId: INSTITUTION.id,
  institutionEn: INSTITUTION.en,
  documentNumber: documentNumberText(options),
  verifyUrl: options.verifyUrl ?? '',
  issuedAt: (options.issuedAt ?? new Date()).toISOString().slice(0, 10),
});

export class TemplateError extends Error {}

/** The picture whose alternative text (descr) is "qr" is the QR code's place; its bytes are replaced. */
const replaceQrPicture = (zip: PizZip, png: Buffer) => {
  for (const name of Object.keys(zip.files)) {
    const match = /^word\/([^/]+)\.xml$/.exec(name);
    if (!match) continue;
    const xml = zip.file(name)!.asText();
    const drawing = /<wp:docPr\b[^>]*\bdescr="qr"[^>]*\/>[\s\S]*?r:embed="([^"]+)"/.exec(xml);
    if (!drawing) continue;
    const rels = zip.file(`word/_rels/${match[1]}.xml.rels`)?.asText() ?? '';
    const target = new RegExp(`<Relationship\\b[^>]*Id="${drawing[1]}"[^>]*Target="([^"]+)"`).exec(rels)
      ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${drawing[1]}"`).exec(rels);
    if (target) zip.file(path.posix.join('word', target[1]), png);
  }
};

/**
 * Fills a Word template with docxtemplater. Every placeholder must have a value: a missing one is an error
 * (TemplateError naming it), never an empty hole in a signed document.
 */
export const renderDocx = async (
  template: string | Buffer,
  data: Record<string, unknown>,
  options: DocumentOptions,
): Promise<Buffer> => {
  const zip = new PizZip(typeof template === 'string' ? fs.readFileSync(template) : template);
  const missing: string[] = [];
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      nullGetter: (part) => {
        if (!part.module) missing.push(String(part.value));
        return '';
      },
    });
    doc.render({ ...commonFields(options), ...data });
  } catch (error) {
    const details = (error as { properties?: { errors?: { properties?: { explanation?: string } }[] } }).properties?.errors;
    const explanation = details?.map((item) => item.properties?.explanation).filter(Boolean).join('; ');
    throw new TemplateError(`Templat DOCX tidak valid / Invalid DOCX template: ${explanation || (error as Error).message}`);
  }
  if (missing.length > 0) {
    throw new TemplateError(`Templat DOCX memakai isian tanpa nilai / DOCX template uses placeholders without a value: ${[...new Set(missing)].join(', ')}`);
  }
  const out = doc.getZip();
  if (options.verifyUrl) replaceQrPicture(out, await qrPng(options.verifyUrl));
  return out.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};
