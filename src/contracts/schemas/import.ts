/** Input schemas of the import and duplicate-partner routes. */
import { z } from 'zod';
import { says } from './fields';

const uploadMessage = says({ id: 'uploadId wajib diisi: unggah berkas lebih dahulu', en: 'uploadId is required: upload the file first' });
const mappingMessage = says({ id: 'Pemetaan harus berupa objek kolom → isian', en: 'The mapping must be an object of column → field' });
const modeMessage = says({ id: 'mode harus preview atau import', en: 'mode must be preview or import' });

/** POST /kerjasama/import/jobs: which upload, its columns' fields (checked against the file by the service), preview or import. */
export const importJobBody = z.object({
  uploadId: z.string(uploadMessage).min(1, uploadMessage).max(64, uploadMessage),
  mapping: z.record(z.string(mappingMessage).max(300, mappingMessage), z.string(mappingMessage).max(40, mappingMessage).nullable(), mappingMessage),
  mode: z.enum(['preview', 'import'], modeMessage),
});

const documentIdMessage = says({ id: 'documentId mitra tidak sah', en: 'Not a valid partner documentId' });
const documentId = z.string(documentIdMessage).min(1, documentIdMessage).max(64, documentIdMessage);

/** POST /kerjasama/partners/merge: the partner kept and those merged into it. */
export const mergeBody = z.object({
  keep: documentId,
  merge: z
    .array(documentId, says({ id: 'merge harus daftar documentId mitra', en: 'merge must be a list of partner documentIds' }))
    .min(1, says({ id: 'Pilih paling sedikit satu mitra untuk digabung', en: 'Choose at least one partner to merge' }))
    .max(50, says({ id: 'Paling banyak 50 mitra sekaligus', en: 'At most 50 partners at once' })),
});

export type ImportJobInput = z.output<typeof importJobBody>;
export type MergeInput = z.output<typeof mergeBody>;
