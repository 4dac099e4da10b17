import { useCallback, useEffect, useState } from 'react';
import { PLUGIN_ACTIONS } from '@kerjasama/contracts/permissions';
import { AGREEMENT_ROWS, MONITORING_ROWS, PROGRAM_ROWS, type EvaluationFigures } from '@kerjasama/domain/evaluation';
import { Box, Button, Flex, Link, Table, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import type { Bilingual } from '../bilingual';
import { contentManagerEntry } from '../planning/api';
import { downloadFile, errorMessage } from '../planning/requests';
import { formatPercent, PlanningPage, Section, useT, useYear } from '../planning/ui';

interface ReportRecord {
  documentId: string;
  year: number;
  workflowState: 'draft' | 'final';
  finalizedAt: string | null;
  findings: string | null;
  problems: string | null;
  recommendations: string | null;
}
interface EvaluationView {
  report: ReportRecord | null;
  figures: EvaluationFigures;
}

const NARRATIVE = [
  { field: 'findings', key: 'evaluation.findings', id: 'Temuan', en: 'Findings' },
  { field: 'problems', key: 'evaluation.problems', id: 'Permasalahan', en: 'Problems' },
  { field: 'recommendations', key: 'evaluation.recommendations', id: 'Rekomendasi untuk tahun berikutnya', en: 'Recommendations for next year' },
] as const;
type Narrative = Record<(typeof NARRATIVE)[number]['field'], string>;

const EVALUATION_PERMISSIONS = [PLUGIN_ACTIONS.prepareEvaluation, PLUGIN_ACTIONS.finalizeEvaluation].map((action) => ({ action, subject: null }));

/** Two-column figures (label, count). */
const CountTable = ({ rows, pick }: { rows: Array<{ labels: Bilingual; value: number | null }>; pick: (label: Bilingual) => string }) => (
  <Table colCount={2} rowCount={rows.length}>
    <Tbody>
      {rows.map((row) => (
        <Tr key={row.labels.en}>
          <Td><Typography>{pick(row.labels)}</Typography></Td>
          <Td><Typography fontWeight="bold">{row.value ?? '—'}</Typography></Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);

/** FO.28.2.1: the year's computed figures, the Kapokja's narrative, finalisation and the downloads. */
const EvaluationPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { tr, pick } = useT();
  const [year] = useYear();
  const { allowedActions } = useRBAC(EVALUATION_PERMISSIONS);
  const rights = allowedActions as unknown as { canPrepare?: boolean; canFinalize?: boolean };
  const [view, setView] = useState<EvaluationView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [narrative, setNarrative] = useState<Narrative>({ findings: '', problems: '', recommendations: '' });

  const show = (data: EvaluationView) => {
    setView(data);
    setNarrative({ findings: data.report?.findings ?? '', problems: data.report?.problems ?? '', recommendations: data.report?.recommendations ?? '' });
  };
  const load = useCallback(() => {
    setView(null);
    setRefusal(null);
    return get<{ data: EvaluationView }>(`/kerjasama/evaluation/${year}`).then(({ data }) => show(data.data)).catch((error) => setRefusal(errorMessage(error)));
  }, [get, year]);
  useEffect(() => {
    load();
  }, [load]);

  const act = async (path: string, done: string) => {
    try {
      const { data } = await post<{ data: EvaluationView }>(`/kerjasama/evaluation/${year}/${path}`, narrative);
      show(data.data);
      toggleNotification({ type: 'success', message: done });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };
  const download = (format: string) => downloadFile(get, `/kerjasama/evaluation/${year}/download?format=${format}`, `FO.28.2.1-laporan-evaluasi-${year}.${format}`);
  const final = view?.report?.workflowState === 'final';
  const figures = view?.figures;

  return (
    <PlanningPage
      titleKey="evaluation.title" title="Laporan evaluasi tahunan (FO.28.2.1)" titleEn="Annual evaluation report (FO.28.2.1)"
      actions={figures ? (
        <Flex gap={2}>
          {['pdf', 'docx', 'xlsx'].map((format) => (
            <Button key={format} variant="tertiary" onClick={() => download(format)}>{`${tr('evaluation.download', 'Unduh', 'Download')} ${format.toUpperCase()}`}</Button>
          ))}
        </Flex>
      ) : null}
    >
      {refusal ? <Box padding={4} background="danger100" hasRadius data-testid="evaluation-refusal"><Typography>{refusal}</Typography></Box> : null}
      {!refusal && !figures ? <Page.Loading /> : null}
      {figures ? (
        <>
          <Section title={tr('evaluation.status', 'Status laporan', 'Report status')} testId="evaluation-status">
            <Flex gap={4} wrap="wrap" alignItems="center">
              <Typography>
                {view?.report
                  ? final
                    ? tr('evaluation.final', 'Final — angka dibekukan pada {date}', 'Final — figures frozen on {date}', { date: (view.report.finalizedAt ?? '').slice(0, 10) })
                    : tr('evaluation.draft', 'Draf — angka dihitung ulang setiap kali dibuka', 'Draft — figures recomputed on every view')
                  : tr('evaluation.none', 'Belum ada laporan; angka di bawah adalah pratinjau', 'No report yet; the figures below are a preview')}
              </Typography>
              {view?.report ? <Link tag={NavLink} to={contentManagerEntry('api::evaluation-report.evaluation-report', view.report.documentId)}>{tr('evaluation.record', 'Buka rekaman', 'Open the record')}</Link> : null}
              {!final && rights.canPrepare ? <Button onClick={() => act('generate', tr('evaluation.saved', 'Laporan disimpan', 'Report saved'))}>{tr('evaluation.generate', 'Hitung dan simpan', 'Compute and save')}</Button> : null}
              {!final && view?.report && rights.canFinalize ? <Button variant="success" onClick={() => act('finalize', tr('evaluation.finalized', 'Laporan difinalkan', 'Report finalized'))}>{tr('evaluation.finalize', 'Finalkan', 'Finalize')}</Button> : null}
            </Flex>
          </Section>
          <Section title={`${tr('evaluation.targets', 'Target dan capaian', 'Targets and achievement')} · ${formatPercent(figures.targets.overall)}`} testId="evaluation-targets">
            <CountTable pick={pick} rows={figures.targets.rollUp.map((row) => ({ labels: row.labels, value: row.achieved, }))} />
          </Section>
          <Section title={`${tr('evaluation.program', 'Program kerjasama', 'Cooperation program')}: ${figures.program?.title ?? '—'}`} testId="evaluation-program">
            {figures.program ? <CountTable pick={pick} rows={PROGRAM_ROWS.map((row) => ({ labels: row.labels, value: figures.program![row.key] }))} /> : null}
            {figures.program?.reasons.map((item) => (
              <Typography key={item.title} tag="p">{`${item.title} — ${item.status === 'cancelled' ? tr('evaluation.cancelled', 'dibatalkan', 'cancelled') : tr('evaluation.late', 'terlambat', 'late')}: ${item.reason ?? '—'}`}</Typography>
            ))}
          </Section>
          <Section title={tr('evaluation.agreements', 'Naskah kerjasama', 'Agreements')} testId="evaluation-agreements">
            <CountTable pick={pick} rows={AGREEMENT_ROWS.map((row) => ({ labels: row.labels, value: figures.agreements[row.key] }))} />
          </Section>
          <Section title={tr('evaluation.monitoring', 'Hasil monitoring', 'Monitoring outputs')} testId="evaluation-monitoring">
            <CountTable pick={pick} rows={MONITORING_ROWS.map((row) => ({ labels: row.labels, value: figures.monitoring[row.key] }))} />
          </Section>
          <Section title={tr('evaluation.proposals', 'Usulan per saluran (disetujui / total)', 'Proposals by channel (approved / total)')} testId="evaluation-proposals">
            <CountTable pick={pick} rows={[...figures.proposals.channels, figures.proposals.total].map((row) => ({ labels: { id: `${row.labels.id} (${row.approved}/${row.total})`, en: `${row.labels.en} (${row.approved}/${row.total})` }, value: row.total }))} />
          </Section>
          <Section title={tr('evaluation.survey', 'Survei kepuasan mitra', 'Partner satisfaction survey')} testId="evaluation-survey">
            <Typography>{figures.survey ? `${figures.survey.title} · ${formatPercent(figures.survey.responseRate)} · ${formatPercent(figures.survey.index)}` : tr('evaluation.noSurvey', 'Tidak ada survei tahun ini', 'No survey this year')}</Typography>
          </Section>
          <Section title={tr('evaluation.comparison', 'Perbandingan dengan tahun sebelumnya', 'Comparison with the previous year')} testId="evaluation-comparison">
            <Table colCount={4} rowCount={figures.comparison.length + 1}>
              <Thead><Tr>
                <Th><Typography variant="sigma">{tr('evaluation.figure', 'Ukuran', 'Figure')}</Typography></Th>
                <Th><Typography variant="sigma">{figures.previousYear}</Typography></Th>
                <Th><Typography variant="sigma">{figures.year}</Typography></Th>
                <Th><Typography variant="sigma">{tr('evaluation.change', 'Selisih', 'Change')}</Typography></Th>
              </Tr></Thead>
              <Tbody>
                {figures.comparison.map((row) => (
                  <Tr key={row.key}>
                    <Td><Typography>{pick(row.labels)}</Typography></Td>
                    <Td><Typography>{row.previous ?? '—'}</Typography></Td>
                    <Td><Typography>{row.current ?? '—'}</Typography></Td>
                    <Td><Typography>{row.change ?? '—'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Section>
          <Section title={tr('evaluation.narrative', 'Narasi Kapokja', "The Kapokja's narrative")} testId="evaluation-narrative">
            <Flex direction="column" alignItems="stretch" gap={3}>
              {NARRATIVE.map((section) => (
                <label key={section.field}>
                  <Typography variant="pi" fontWeight="bold">{tr(section.key, section.id, section.en)}</Typography>
                  <Textarea name={section.field} disabled={final || !rights.canPrepare} value={narrative[section.field]} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNarrative({ ...narrative, [section.field]: event.target.value })} />
                </label>
              ))}
            </Flex>
          </Section>
        </>
      ) : null}
    </PlanningPage>
  );
};

export { EvaluationPage };
