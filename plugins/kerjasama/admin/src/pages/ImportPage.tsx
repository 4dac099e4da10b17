import { useEffect, useRef, useState } from 'react';
import { IMPORT_FIELDS, type ImportFieldKey } from '@kerjasama/domain/import';
import type { ImportCounts, ImportJob, ImportMode, ImportProgress, ImportResult, ImportUpload } from '@kerjasama/contracts/import';
import { Alert, Box, Button, Flex, ProgressBar, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../planning/requests';
import { useT } from '../planning/ui';

const IGNORE = '__ignore__';
const POLL_MS = 400;

type Step = 'upload' | 'map' | 'running' | 'result';

/**
 * Import of an office's sheet: upload an XLSX or CSV, map its columns to fields (remembered for
 * the file's layout), preview every row's errors, then import in one go, with a progress bar.
 */
export const ImportPage = () => {
  const { get, post } = useFetchClient();
  const { tr, pick, number } = useT();
  const [step, setStep] = useState<Step>('upload');
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
  }, []);

  const sendFile = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const { data } = await post<{ data: ImportUpload }>('/kerjasama/import/uploads', form);
      setUpload(data.data);
      setMapping(Object.fromEntries(data.data.headers.map((header) => [header, data.data.mapping[header] ?? IGNORE])));
      setStep('map');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const run = async (mode: ImportMode) => {
    if (!upload) return;
    setBusy(true);
    setFailure(null);
    try {
      const chosen = Object.fromEntries(Object.entries(mapping).filter(([, key]) => key !== IGNORE));
      const { data } = await post<{ data: ImportJob }>('/kerjasama/import/jobs', { uploadId: upload.uploadId, mapping: chosen, mode });
      setStep('running');
      setProgress({ state: 'running', done: 0, total: data.data.total });
      let state: ImportProgress['state'] = 'running';
      while (state === 'running' && alive.current) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const polled = await get<{ data: ImportProgress }>(`/kerjasama/import/progress/${data.data.progressToken}`);
        setProgress(polled.data.data);
        state = polled.data.data.state;
      }
      const job = await get<{ data: ImportJob }>(`/kerjasama/import/jobs/${data.data.jobId}`);
      if (job.data.data.failure) setFailure(job.data.data.failure);
      setResult(job.data.data.result);
      setStep(job.data.data.result ? 'result' : 'map');
    } catch (error) {
      setFailure(errorMessage(error));
      setStep('map');
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStep('upload');
    setUpload(null);
    setResult(null);
    setProgress(null);
    setFailure(null);
  };

  const title = tr('import.title', 'Impor data kerjasama', 'Import cooperation data');
  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const fieldLabel = (key: string) => (key === 'row' ? tr('import.wholeRow', 'Baris', 'Row') : pick(IMPORT_FIELDS.find((field) => field.key === key)?.labels, key));

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={tr('import.subtitle', 'Mitra, naskah (MoU → MoA → IA) dan monitoring dari berkas XLSX atau CSV', 'Partners, agreements (MoU → MoA → IA) and monitoring from an XLSX or CSV file')}
      />
      <Layouts.Content>
        {failure ? (
          <Box paddingBottom={4}>
            <Alert variant="danger" closeLabel={tr('import.close', 'Tutup', 'Close')} onClose={() => setFailure(null)} data-testid="import-failure">{failure}</Alert>
          </Box>
        ) : null}

        <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4}>
          <Typography variant="delta" tag="h2">{tr('import.step1', '1. Unggah berkas', '1. Upload the file')}</Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {tr('import.uploadHelp', 'Berkas XLSX atau CSV dengan satu baris judul kolom, seperti contoh docs/sample-daftar-kerjasama.xlsx.', 'An XLSX or CSV file with one header row, like the sample docs/sample-daftar-kerjasama.xlsx.')}
          </Typography>
          <Flex gap={3} paddingTop={3}>
            <input
              ref={input}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-label={tr('import.file', 'Berkas XLSX atau CSV', 'XLSX or CSV file')}
              data-testid="import-file"
              disabled={busy || step === 'running'}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void sendFile(file);
              }}
            />
            {upload ? (
              <Typography data-testid="import-uploaded">
                {tr('import.uploaded', '{file}: {rows} baris, judul kolom di baris {header}', '{file}: {rows} rows, header in row {header}', { file: upload.filename, rows: upload.rowCount, header: upload.headerRow })}
              </Typography>
            ) : null}
          </Flex>
        </Box>

        {upload && step !== 'upload' ? (
          <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4}>
            <Typography variant="delta" tag="h2">{tr('import.step2', '2. Petakan kolom', '2. Map the columns')}</Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {upload.remembered
                ? tr('import.remembered', 'Pemetaan terakhir untuk susunan kolom ini dipakai lagi.', 'The last mapping used for this column layout is used again.')
                : tr('import.guessed', 'Pemetaan ditebak dari judul kolom; periksa sebelum melanjutkan.', 'The mapping is guessed from the headers; check it before going on.')}
            </Typography>
            <Table colCount={3} rowCount={upload.headers.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{tr('import.column', 'Kolom di berkas', 'Column in the file')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('import.example', 'Contoh isi', 'Example')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('import.field', 'Isian', 'Field')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {upload.headers.map((header, index) => (
                  <Tr key={header}>
                    <Td><Typography fontWeight="bold">{header}</Typography></Td>
                    <Td><Typography textColor="neutral600">{upload.sample.map((row) => row[index]).find(Boolean) ?? '—'}</Typography></Td>
                    <Td>
                      <Box minWidth="16rem">
                        <SingleSelect
                          aria-label={tr('import.fieldFor', 'Isian untuk kolom {column}', 'Field for the column {column}', { column: header })}
                          data-testid={`import-map-${index}`}
                          value={mapping[header] ?? IGNORE}
                          disabled={step === 'running'}
                          onChange={(value) => setMapping((current) => ({ ...current, [header]: String(value) }))}
                        >
                          <SingleSelectOption value={IGNORE}>{tr('import.ignore', '(abaikan)', '(ignore)')}</SingleSelectOption>
                          {IMPORT_FIELDS.map((field) => (
                            <SingleSelectOption key={field.key} value={field.key}>{pick(field.labels)}</SingleSelectOption>
                          ))}
                        </SingleSelect>
                      </Box>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Flex gap={2} paddingTop={4}>
              <Button onClick={() => void run('preview')} loading={busy && step !== 'running'} disabled={step === 'running'} data-testid="import-preview">
                {tr('import.preview', 'Pratinjau', 'Preview')}
              </Button>
              <Button variant="tertiary" onClick={restart} disabled={step === 'running'}>{tr('import.again', 'Unggah berkas lain', 'Upload another file')}</Button>
            </Flex>
          </Box>
        ) : null}

        {step === 'running' && progress ? (
          <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4} data-testid="import-progress">
            <Typography variant="delta" tag="h2">{tr('import.running', 'Sedang memproses…', 'Processing…')}</Typography>
            <Box paddingTop={3} paddingBottom={2}>
              <ProgressBar value={percent} aria-label={tr('import.progress', 'Kemajuan impor', 'Import progress')} />
            </Box>
            <Typography>{tr('import.progressText', '{done} dari {total} baris', '{done} of {total} rows', { done: number(progress.done), total: number(progress.total) })}</Typography>
          </Box>
        ) : null}

        {step === 'result' && result ? <ResultPanel result={result} fieldLabel={fieldLabel} busy={busy} onImport={() => void run('import')} onRestart={restart} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
};

const ResultPanel = ({ result, fieldLabel, busy, onImport, onRestart }: { result: ImportResult; fieldLabel: (key: string) => string; busy: boolean; onImport: () => void; onRestart: () => void }) => {
  const { tr, number } = useT();
  const ok = result.errors.length === 0;
  const counts: ImportCounts = result.counts;
  const heading = result.mode === 'preview'
    ? tr('import.previewTitle', '3. Pratinjau: belum ada yang disimpan', '3. Preview: nothing saved yet')
    : result.committed
      ? tr('import.doneTitle', 'Impor selesai', 'Import finished')
      : tr('import.refusedTitle', 'Impor ditolak: tidak ada yang disimpan', 'Import refused: nothing was saved');
  return (
    <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4} data-testid="import-result">
      <Typography variant="delta" tag="h2">{heading}</Typography>
      <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={3} paddingBottom={3} data-testid="import-counts">
        <Typography>{tr('import.countRows', 'Baris dibaca: {rows} (sama dengan baris lain: {repeated})', 'Rows read: {rows} (repeating another row: {repeated})', { rows: number(result.rows), repeated: number(result.repeated) })}</Typography>
        <Typography>{tr('import.countPartners', 'Mitra baru: {created}, sudah ada: {matched}', 'New partners: {created}, already there: {matched}', { created: number(counts.partners.created), matched: number(counts.partners.matched) })}</Typography>
        <Typography>
          {tr('import.countAgreements', 'Naskah baru: {created}, diperbarui: {updated}, tidak berubah: {unchanged}', 'New agreements: {created}, updated: {updated}, unchanged: {unchanged}', {
            created: number(counts.agreements.created), updated: number(counts.agreements.updated), unchanged: number(counts.agreements.unchanged),
          })}
        </Typography>
        <Typography>{tr('import.countMonitoring', 'Monitoring baru: {created}, sudah ada: {unchanged}', 'New monitoring records: {created}, already there: {unchanged}', { created: number(counts.monitoring.created), unchanged: number(counts.monitoring.unchanged) })}</Typography>
        <Typography textColor="neutral600">{tr('import.duration', 'Waktu: {seconds} detik', 'Time: {seconds} s', { seconds: number(result.durationMs / 1000, 1) })}</Typography>
      </Flex>
      {ok ? null : (
        <>
          <Typography variant="omega" fontWeight="bold" textColor="danger600" tag="p" data-testid="import-error-count">
            {tr('import.errorCount', '{count} kesalahan: perbaiki berkas lalu unggah lagi (tidak ada yang disimpan)', '{count} errors: correct the file and upload it again (nothing was saved)', { count: number(result.errors.length) })}
          </Typography>
          <Box paddingTop={2}>
            <Table colCount={4} rowCount={result.errors.length + 1} data-testid="import-errors">
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{tr('import.row', 'Baris', 'Row')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('import.column', 'Kolom di berkas', 'Column in the file')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('import.field', 'Isian', 'Field')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('import.message', 'Pesan', 'Message')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {result.errors.map((error, index) => (
                  <Tr key={index}>
                    <Td><Typography>{error.row}</Typography></Td>
                    <Td><Typography>{error.column ?? '—'}</Typography></Td>
                    <Td><Typography>{fieldLabel(error.field as ImportFieldKey | 'row')}</Typography></Td>
                    <Td><Typography>{error.message}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </>
      )}
      <Flex gap={2} paddingTop={4}>
        {result.mode === 'preview' && ok ? (
          <Button onClick={onImport} loading={busy} data-testid="import-run">{tr('import.run', 'Impor sekarang', 'Import now')}</Button>
        ) : null}
        <Button variant="tertiary" onClick={onRestart}>{tr('import.again', 'Unggah berkas lain', 'Upload another file')}</Button>
      </Flex>
    </Box>
  );
};
