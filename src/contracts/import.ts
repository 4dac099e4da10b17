/**
 * Request and answer shapes of the import and duplicate-partner routes (/kerjasama/import/...,
 * /kerjasama/partners/...), shared by the server and the admin pages.
 */
import type { ImportMapping, RowError } from '../domain/import';

export type { ImportMapping, RowError };

/** POST /kerjasama/import/uploads: what the file holds and the mapping to start from. */
export interface ImportUpload {
  uploadId: string;
  filename: string;
  format: 'xlsx' | 'csv';
  sheetName: string;
  headerRow: number;
  headers: string[];
  rowCount: number;
  /** The first rows as text, for the mapping form. */
  sample: string[][];
  mapping: ImportMapping;
  /** True when the mapping is the one last used for a file with this header row. */
  remembered: boolean;
}

export type ImportMode = 'preview' | 'import';

export interface ImportCounts {
  partners: { created: number; matched: number };
  agreements: { created: number; updated: number; unchanged: number };
  monitoring: { created: number; unchanged: number };
}

export interface ImportResult {
  mode: ImportMode;
  /** True only for an import whose every row was written (one transaction). */
  committed: boolean;
  rows: number;
  errors: RowError[];
  counts: ImportCounts;
  /** Rows that repeat an earlier row exactly. */
  repeated: number;
  durationMs: number;
}

export interface ImportProgress {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
}

/** POST /kerjasama/import/jobs answers the job; GET /kerjasama/import/jobs/:jobId the same with its result. */
export interface ImportJob extends ImportProgress {
  jobId: string;
  /** GET /kerjasama/import/progress/:progressToken answers the progress alone, without a session (polled during a long import). */
  progressToken: string;
  mode: ImportMode;
  result: ImportResult | null;
  failure: string | null;
}

export interface DuplicatePartner {
  documentId: string;
  name: string;
  country: string;
  city: string | null;
  workflowState: string;
  agreements: number;
  proposals: number;
  contacts: number;
}

export interface DuplicatePartnerGroup {
  match: 'exact' | 'near';
  similarity: number;
  partners: DuplicatePartner[];
}

/** POST /kerjasama/partners/merge: what moved to the kept partner. */
export interface MergeResult {
  kept: { documentId: string; name: string };
  merged: Array<{ documentId: string; name: string }>;
  /** Records moved, by content type uid. */
  moved: Record<string, number>;
  contactsAdded: number;
}
