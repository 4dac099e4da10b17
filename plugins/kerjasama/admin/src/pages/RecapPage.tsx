import { useEffect, useState } from 'react';
import { Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { IssuedDocuments } from '../components/IssuedDocumentsPanel';
import type { MappingMatrix, UnitRef } from '../planning/api';
import { errorMessage } from '../planning/requests';
import { PlanningPage, Section, useT, useYear } from '../planning/ui';

/** GET /kerjasama/monitoring-recap?year=&period=&unit= (src/documents/monitoring-recap/recap.ts). */
interface RecapRow {
  ourNumber: string; title: string; kind: string; partner: string; records: number; activities: number; students: number; lecturers: number;
  credits: number; certificates: number; evidence: string; state: string; outputs: string; followUp: string;
}
interface Recap {
  year: number; period: string; from: string; to: string; unitName: string; unitDocumentId: string; rows: RecapRow[];
  totals: { agreements: number; unmonitored: number; records: number; activities: number; students: number; lecturers: number; credits: number; certificates: number; evidencePresent: number; evidenceMissing: number };
}

const PERIODS = [
  { value: 'S1', id: 'Semester 1 (Januari–Juni)', en: 'Semester 1 (January–June)' },
  { value: 'S2', id: 'Semester 2 (Juli–Desember)', en: 'Semester 2 (July–December)' },
  { value: 'year', id: 'Satu tahun', en: 'Whole year' },
];

/** BO.28.1.2: a unit's monitoring recap for a semester or the year, previewed, downloaded and issued. */
const RecapPage = () => {
  const { get } = useFetchClient();
  const { tr, pick } = useT();
  const [year] = useYear();
  const [units, setUnits] = useState<UnitRef[] | null>(null);
  const [unit, setUnit] = useState('');
  const [period, setPeriod] = useState('year');
  const [recap, setRecap] = useState<Recap | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    get<{ data: MappingMatrix }>(`/kerjasama/mapping?year=${year}`).then(({ data }) => {
      setUnits(data.data.units);
      setUnit((current) => current || data.data.units[0]?.documentId || '');
    }).catch((error) => setRefusal(errorMessage(error)));
  }, [get, year]);

  useEffect(() => {
    if (!unit) return;
    setRecap(null);
    setRefusal(null);
    get<{ data: Recap }>(`/kerjasama/monitoring-recap?year=${year}&period=${period}&unit=${encodeURIComponent(unit)}`)
      .then(({ data }) => setRecap(data.data))
      .catch((error) => setRefusal(errorMessage(error)));
  }, [get, year, period, unit]);

  const query = `year=${year}&period=${period}&unit=${encodeURIComponent(unit)}`;
  const head = [
    tr('recap.number', 'Nomor', 'Number'), tr('recap.agreement', 'Naskah', 'Agreement'), tr('recap.partner', 'Mitra', 'Partner'), 'Monitoring',
    tr('recap.activities', 'Kegiatan', 'Activities'), tr('recap.participants', 'Peserta (mhs / dosen)', 'Participants (students / lecturers)'),
    tr('recap.credits', 'SKS', 'Credits'), tr('recap.certificates', 'Sertifikat', 'Certificates'), tr('recap.evidence', 'Bukti', 'Evidence'),
    'Status', tr('recap.outputs', 'Keluaran', 'Outputs'), tr('recap.followUp', 'Tindak lanjut', 'Follow-up'),
  ];

  return (
    <PlanningPage titleKey="recap.title" title="Rekap monitoring (BO.28.1.2)" titleEn="Monitoring recap (BO.28.1.2)">
      <Section title={tr('recap.choose', 'Periode dan unit', 'Period and unit')} testId="recap-filters">
        <Flex gap={4} wrap="wrap">
          <Box minWidth="16rem">
            <SingleSelect aria-label={tr('recap.period', 'Periode', 'Period')} value={period} onChange={(value) => setPeriod(String(value))}>
              {PERIODS.map((option) => <SingleSelectOption key={option.value} value={option.value}>{pick(option)}</SingleSelectOption>)}
            </SingleSelect>
          </Box>
          <Box minWidth="20rem">
            <SingleSelect aria-label="Unit" value={unit} onChange={(value) => setUnit(String(value))} disabled={!units?.length}>
              {(units ?? []).map((option) => <SingleSelectOption key={option.documentId} value={option.documentId}>{`${option.code} · ${option.name}`}</SingleSelectOption>)}
            </SingleSelect>
          </Box>
        </Flex>
      </Section>
      {refusal ? <Box padding={4} background="danger100" hasRadius marginBottom={4} data-testid="recap-refusal"><Typography>{refusal}</Typography></Box> : null}
      {!refusal && unit && !recap ? <Page.Loading /> : null}
      {units && units.length === 0 ? <Typography>{tr('recap.noUnits', 'Belum ada unit', 'No unit yet')}</Typography> : null}
      {recap ? (
        <>
          <Section title={`${recap.unitName} · ${recap.from} – ${recap.to}`} testId="recap-preview">
            {recap.rows.length === 0 ? (
              <Typography>{tr('recap.empty', 'Unit ini tidak memiliki naskah kerjasama pada periode ini', 'This unit has no agreement in this period')}</Typography>
            ) : (
              <Box overflow="auto">
                <Table colCount={head.length} rowCount={recap.rows.length + 1}>
                  <Thead><Tr>{head.map((label) => <Th key={label}><Typography variant="sigma">{label}</Typography></Th>)}</Tr></Thead>
                  <Tbody>
                    {recap.rows.map((row) => (
                      <Tr key={row.ourNumber}>
                        {[row.ourNumber, row.title, row.partner, row.records, row.activities, `${row.students} / ${row.lecturers}`, row.credits, row.certificates, row.evidence, row.state, row.outputs, row.followUp].map((cell, index) => (
                          <Td key={index}><Typography>{cell}</Typography></Td>
                        ))}
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            )}
            <Box paddingTop={3}>
              <Typography fontWeight="bold" data-testid="recap-totals">
                {tr('recap.totals', 'Jumlah: {agreements} naskah ({unmonitored} belum dimonitor), {records} monitoring, {activities} kegiatan, {students} mahasiswa, {lecturers} dosen, {credits} SKS, {certificates} sertifikat; bukti ada {present}, tidak ada {missing}',
                  'Totals: {agreements} agreements ({unmonitored} not monitored), {records} monitoring records, {activities} activities, {students} students, {lecturers} lecturers, {credits} credits, {certificates} certificates; evidence present {present}, missing {missing}',
                  { ...recap.totals, present: recap.totals.evidencePresent, missing: recap.totals.evidenceMissing })}
              </Typography>
            </Box>
          </Section>
          <Section title={tr('recap.documents', 'Unduh dan terbitkan (BO.28.1.2)', 'Download and issue (BO.28.1.2)')} testId="recap-documents">
            <Box maxWidth="24rem">
              <IssuedDocuments key={query} recordDocumentId={recap.unitDocumentId} formCode="BO.28.1.2" formats={['pdf', 'docx', 'xlsx']} draftName={`rekap-${year}-${period}-draf`}
                printable={recap.rows.length > 0} previewUrl={(format) => `/kerjasama/monitoring-recap/export?${query}&format=${format}`}
                issueUrl="/kerjasama/monitoring-recap/issue" issueBody={{ year, period, unit }} />
            </Box>
          </Section>
        </>
      ) : null}
    </PlanningPage>
  );
};

export { RecapPage };
