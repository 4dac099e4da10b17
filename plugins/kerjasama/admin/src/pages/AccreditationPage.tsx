import { useEffect, useState } from 'react';
import { PLUGIN_ACTIONS } from '@kerjasama/contracts/permissions';
import { EVIDENCE_KPI_CODES, type EvidencePack } from '@kerjasama/domain/accreditation/evidence-pack';
import { IKU6_MISSING_LABELS, type Iku6Result } from '@kerjasama/domain/accreditation/iku6';
import { lkpsCell, type LkpsTable1 } from '@kerjasama/domain/accreditation/lkps';
import { Box, Button, Flex, Link, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { downloadFile, errorMessage } from '../planning/requests';
import { PlanningPage, Section, useT, useYear } from '../planning/ui';

/**
 * Accreditation (issue 12): LKPS Table 1 of a study program (TS-2 … TS, in its instrument's
 * columns), IKU 6 of every study program for the year, and the KPI evidence pack. Only verified
 * activity reports count (the server's rule). Sections, selects, tables and buttons carry stable
 * names (aria-label, data-testid) for the browser tests.
 */
interface StudyProgram { documentId: string; code: string; name: string }
type LkpsView = LkpsTable1 & { unitDocumentId: string; unitCode: string };
type PackListing = Omit<EvidencePack, 'files'>;

const RIGHTS = [PLUGIN_ACTIONS.readAccreditation, PLUGIN_ACTIONS.downloadEvidencePack].map((action) => ({ action, subject: null }));
const REPORT_UID = 'api::activity-report.activity-report';
const AGREEMENT_UID = 'api::agreement.agreement';
const recordLink = (uid: string, documentId: string) => `/admin/content-manager/collection-types/${uid}/${documentId}`;

const Refusal = ({ text, testId }: { text: string | null; testId: string }) =>
  (text ? <Box padding={4} background="danger100" hasRadius marginBottom={4} data-testid={testId}><Typography>{text}</Typography></Box> : null);

const LkpsSection = ({ year }: { year: number }) => {
  const { get } = useFetchClient();
  const { tr, pick } = useT();
  const [programs, setPrograms] = useState<StudyProgram[] | null>(null);
  const [unit, setUnit] = useState('');
  const [table, setTable] = useState<LkpsView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    get<{ data: StudyProgram[] }>('/kerjasama/accreditation/study-programs').then(({ data }) => {
      setPrograms(data.data);
      setUnit((current) => current || data.data[0]?.documentId || '');
    }).catch((error) => setRefusal(errorMessage(error)));
  }, [get]);

  useEffect(() => {
    if (!unit) return;
    setTable(null);
    setRefusal(null);
    get<{ data: LkpsView }>(`/kerjasama/accreditation/lkps?unit=${encodeURIComponent(unit)}&year=${year}`)
      .then(({ data }) => setTable(data.data))
      .catch((error) => setRefusal(errorMessage(error)));
  }, [get, unit, year]);

  const download = () => downloadFile(get, `/kerjasama/accreditation/lkps/export?unit=${encodeURIComponent(unit)}&year=${year}`, `LKPS-Tabel-1-${table?.unitCode ?? ''}-${year}.xlsx`)
    .catch((error) => setRefusal(errorMessage(error)));

  return (
    <Section title={tr('accreditation.lkps', 'LKPS Tabel 1 Kerjasama Tridharma', 'LKPS Table 1 Tridharma cooperation')} testId="lkps-section">
      <Flex gap={4} wrap="wrap" paddingBottom={3}>
        <Box minWidth="22rem">
          <SingleSelect aria-label={tr('accreditation.studyProgram', 'Program studi', 'Study program')} value={unit} onChange={(value) => setUnit(String(value))} disabled={!programs?.length}>
            {(programs ?? []).map((option) => <SingleSelectOption key={option.documentId} value={option.documentId}>{`${option.code} · ${option.name}`}</SingleSelectOption>)}
          </SingleSelect>
        </Box>
        <Button variant="secondary" onClick={download} disabled={!table} data-testid="lkps-download">{tr('accreditation.downloadXlsx', 'Unduh XLSX', 'Download XLSX')}</Button>
      </Flex>
      <Refusal text={refusal} testId="lkps-refusal" />
      {programs && programs.length === 0 ? <Typography>{tr('accreditation.noPrograms', 'Belum ada program studi aktif', 'No active study program yet')}</Typography> : null}
      {!refusal && unit && !table ? <Page.Loading /> : null}
      {table ? (
        <Box data-testid="lkps-preview">
          <Typography variant="pi" textColor="neutral600">
            {tr('accreditation.lkpsYears', 'Instrumen {instrument}; TS-2 … TS = {years}; hanya laporan kegiatan terverifikasi', 'Instrument {instrument}; TS-2 … TS = {years}; verified activity reports only',
              { instrument: pick(table.instrument.name), years: table.years.join(', ') })}
          </Typography>
          {table.tables.map((part) => (
            <Box key={part.code} paddingTop={4} data-testid={`lkps-table-${part.code}`}>
              <Typography variant="omega" fontWeight="bold" tag="h3">{pick(part.title)}</Typography>
              {part.rows.length === 0 ? (
                <Typography>{tr('accreditation.lkpsEmpty', 'Tidak ada kerjasama terverifikasi', 'No verified cooperation')}</Typography>
              ) : (
                <Box overflow="auto">
                  <Table aria-label={pick(part.title)} colCount={table.instrument.columns.length} rowCount={part.rows.length + 1}>
                    <Thead>
                      <Tr>{table.instrument.columns.map((column) => (
                        <Th key={column.field}><Typography variant="sigma">{column.group ? `${pick(column.group)}: ${pick(column.header)}` : pick(column.header)}</Typography></Th>
                      ))}</Tr>
                    </Thead>
                    <Tbody>
                      {part.rows.map((row) => (
                        <Tr key={row.reportDocumentId}>
                          {table.instrument.columns.map((column) => (
                            <Td key={column.field}>
                              {column.field === 'evidence' ? (
                                <Flex direction="column" alignItems="flex-start">
                                  <Link href={recordLink(REPORT_UID, row.reportDocumentId)}>{tr('accreditation.reportLink', 'Laporan kegiatan', 'Activity report')}</Link>
                                  {row.agreementDocumentId ? <Link href={recordLink(AGREEMENT_UID, row.agreementDocumentId)}>{row.agreementNumber}</Link> : null}
                                </Flex>
                              ) : <Typography>{lkpsCell(row, column.field)}</Typography>}
                            </Td>
                          ))}
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                </Box>
              )}
            </Box>
          ))}
        </Box>
      ) : null}
    </Section>
  );
};

const Iku6Section = ({ year }: { year: number }) => {
  const { get } = useFetchClient();
  const { tr, pick, percent } = useT();
  const [result, setResult] = useState<Iku6Result | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    setResult(null);
    setRefusal(null);
    get<{ data: Iku6Result }>(`/kerjasama/accreditation/iku6?year=${year}`).then(({ data }) => setResult(data.data)).catch((error) => setRefusal(errorMessage(error)));
  }, [get, year]);

  const download = () => downloadFile(get, `/kerjasama/accreditation/iku6/export?year=${year}`, `IKU6-${year}.xlsx`).catch((error) => setRefusal(errorMessage(error)));
  const head = [tr('accreditation.code', 'Kode', 'Code'), tr('accreditation.studyProgram', 'Program studi', 'Study program'), tr('accreditation.meets', 'Memenuhi', 'Meets'),
    tr('accreditation.verifiedReports', 'Laporan terverifikasi', 'Verified reports'), tr('accreditation.evidence', 'Bukti', 'Evidence'), tr('accreditation.missing', 'Yang kurang', 'Missing')];

  return (
    <Section title={tr('accreditation.iku6', 'IKU 6 per program studi', 'IKU 6 per study program')} testId="iku6-section">
      <Refusal text={refusal} testId="iku6-refusal" />
      {!refusal && !result ? <Page.Loading /> : null}
      {result ? (
        <>
          <Flex gap={4} paddingBottom={3} wrap="wrap">
            <Typography fontWeight="bold" data-testid="iku6-summary">
              {tr('accreditation.iku6Summary', '{met} dari {total} program studi memenuhi IKU 6 ({percent})', '{met} of {total} study programs meet IKU 6 ({percent})',
                { met: result.met, total: result.studyPrograms, percent: percent(result.percentage, 1) })}
            </Typography>
            <Button variant="secondary" onClick={download} data-testid="iku6-download">{tr('accreditation.downloadXlsx', 'Unduh XLSX', 'Download XLSX')}</Button>
          </Flex>
          <Box overflow="auto">
            <Table aria-label={tr('accreditation.iku6', 'IKU 6 per program studi', 'IKU 6 per study program')} colCount={head.length} rowCount={result.rows.length + 1}>
              <Thead><Tr>{head.map((label) => <Th key={label}><Typography variant="sigma">{label}</Typography></Th>)}</Tr></Thead>
              <Tbody>
                {result.rows.map((row) => (
                  <Tr key={row.documentId}>
                    <Td><Typography>{row.code}</Typography></Td>
                    <Td><Typography>{row.name}</Typography></Td>
                    <Td><Typography>{row.met ? tr('accreditation.yes', 'Ya', 'Yes') : tr('accreditation.no', 'Tidak', 'No')}</Typography></Td>
                    <Td><Typography>{row.qualifyingReports}</Typography></Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        {row.evidence.map((item) => <Link key={item.reportDocumentId} href={recordLink(REPORT_UID, item.reportDocumentId)}>{`${item.title}${item.agreementNumber ? ` — ${item.agreementNumber}` : ''}`}</Link>)}
                      </Flex>
                    </Td>
                    <Td><Typography>{row.missing ? pick(IKU6_MISSING_LABELS[row.missing]) : '—'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
          <Box paddingTop={2}><Typography variant="pi" textColor="neutral600">{`${tr('accreditation.source', 'Sumber', 'Source')}: ${result.source}`}</Typography></Box>
        </>
      ) : null}
    </Section>
  );
};

const PackSection = ({ year, canDownload }: { year: number; canDownload: boolean }) => {
  const { get } = useFetchClient();
  const { tr } = useT();
  const [code, setCode] = useState<string>(EVIDENCE_KPI_CODES[0]);
  const [listing, setListing] = useState<PackListing | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setListing(null);
    setRefusal(null);
    get<{ data: PackListing }>(`/kerjasama/accreditation/evidence-pack/index?code=${encodeURIComponent(code)}&year=${year}`)
      .then(({ data }) => setListing(data.data)).catch((error) => setRefusal(errorMessage(error)));
  }, [get, code, year]);

  const download = () => {
    setBusy(true);
    downloadFile(get, `/kerjasama/accreditation/evidence-pack?code=${encodeURIComponent(code)}&year=${year}`, `bukti-KPI-${code}-${year}.zip`)
      .catch((error) => setRefusal(errorMessage(error))).finally(() => setBusy(false));
  };
  const fileCount = listing ? listing.rows.reduce((sum, row) => sum + row.files.filter((file) => !file.missing).length, 0) : 0;

  return (
    <Section title={tr('accreditation.pack', 'Paket bukti KPI', 'KPI evidence pack')} testId="pack-section">
      <Flex gap={4} wrap="wrap" paddingBottom={3}>
        <Box minWidth="14rem">
          <SingleSelect aria-label={tr('accreditation.kpiCode', 'Kode KPI', 'KPI code')} value={code} onChange={(value) => setCode(String(value))}>
            {EVIDENCE_KPI_CODES.map((option) => <SingleSelectOption key={option} value={option}>{option}</SingleSelectOption>)}
          </SingleSelect>
        </Box>
        {canDownload ? (
          <Button onClick={download} loading={busy} disabled={!listing} data-testid="pack-download">{tr('accreditation.downloadZip', 'Unduh ZIP', 'Download ZIP')}</Button>
        ) : (
          <Typography variant="pi" textColor="neutral600">{tr('accreditation.packNotAllowed', 'Paket berisi berkas rahasia; hanya Kapokja dan Direktur yang dapat mengunduhnya', 'The pack holds confidential files; only the Kapokja and the Director may download it')}</Typography>
        )}
      </Flex>
      <Refusal text={refusal} testId="pack-refusal" />
      {!refusal && !listing ? <Page.Loading /> : null}
      {listing ? (
        <>
          <Typography data-testid="pack-summary">
            {tr('accreditation.packSummary', '{records} rekaman, {files} berkas, {missing} berkas tidak ditemukan', '{records} records, {files} files, {missing} files missing',
              { records: listing.rows.length, files: fileCount, missing: listing.missing })}
          </Typography>
          <Box overflow="auto" paddingTop={3}>
            <Table aria-label={tr('accreditation.pack', 'Paket bukti KPI', 'KPI evidence pack')} colCount={5} rowCount={listing.rows.length + 1}>
              <Thead><Tr>{[tr('accreditation.section', 'Bagian', 'Section'), tr('accreditation.reference', 'Nomor', 'Reference'), tr('accreditation.recordTitle', 'Judul', 'Title'), tr('accreditation.date', 'Tanggal', 'Date'), tr('accreditation.files', 'Berkas', 'Files')].map((label) => <Th key={label}><Typography variant="sigma">{label}</Typography></Th>)}</Tr></Thead>
              <Tbody>
                {listing.rows.map((row) => (
                  <Tr key={`${row.section}-${row.documentId}`}>
                    {[row.sectionLabel, row.reference, row.title, row.date, String(row.files.length)].map((cell, index) => <Td key={index}><Typography>{cell}</Typography></Td>)}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        </>
      ) : null}
    </Section>
  );
};

const AccreditationPage = () => {
  const [year] = useYear();
  const { allowedActions, isLoading } = useRBAC(RIGHTS);
  const rights = allowedActions as unknown as { canReadAccreditation: boolean; canEvidencePack: boolean };
  const { tr } = useT();
  return (
    <PlanningPage titleKey="accreditation.title" title="Akreditasi: LKPS, IKU 6, paket bukti" titleEn="Accreditation: LKPS, IKU 6, evidence pack">
      {isLoading ? <Page.Loading /> : null}
      {!isLoading && !rights.canReadAccreditation ? <Typography>{tr('accreditation.notAllowed', 'Anda tidak berwenang melihat halaman ini', 'You may not see this page')}</Typography> : null}
      {!isLoading && rights.canReadAccreditation ? (
        <>
          <LkpsSection year={year} />
          <Iku6Section year={year} />
          <PackSection year={year} canDownload={rights.canEvidencePack} />
        </>
      ) : null}
    </PlanningPage>
  );
};

export { AccreditationPage };
