import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { satisfactionSurveyWorkflow } from '@kerjasama/domain/workflow';
import type { Bilingual } from '../bilingual';
import { IssuedDocuments } from '../components/IssuedDocumentsPanel';
import { LABELS, useT } from '../planning/ui';

/** Partner satisfaction survey: send invitations, read results (per item, dimension, partner level and type). */
interface SurveySummary {
  documentId: string;
  title: string;
  year: number;
  scaleMax: number;
  workflowState: string;
}
interface Score {
  n: number;
  mean: number | null;
  index: number | null;
}
interface Results {
  scaleMax: number;
  invited: number;
  answered: number;
  responseRate: number | null;
  overall: Score;
  items: Array<Score & { code: string; dimension: string; textId?: string; distribution: number[] }>;
  dimensions: Array<Score & { dimension: string; labels: Bilingual; items: number }>;
  byPartnerLevel: Array<Score & { key: string; responses: number }>;
  byPartnerType: Array<Score & { key: string; responses: number }>;
}

const SURVEY_STATES: Record<string, Bilingual> = Object.fromEntries(satisfactionSurveyWorkflow.states.map((state) => [state.name, state.labels]));

const ScoreTable = ({ head, rows }: { head: string[]; rows: Array<Array<string | number>> }) => (
  <Box background="neutral0" shadow="tableShadow" hasRadius marginBottom={6}>
    <Table colCount={head.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>{head.map((label) => <Th key={label}><Typography variant="sigma">{label}</Typography></Th>)}</Tr>
      </Thead>
      <Tbody>
        {rows.map((row, index) => (
          <Tr key={index}>{row.map((cell, column) => <Td key={column}><Typography>{cell}</Typography></Td>)}</Tr>
        ))}
      </Tbody>
    </Table>
  </Box>
);

export const SurveyPage = () => {
  const { get, post } = useFetchClient();
  const { tr, pick, number, percent: asPercent } = useT();
  // Numbers in the admin's language, one way on the whole page (3,50 / 4 and 87,5% in Indonesian).
  const mean = (score: Score) => number(score.mean, 2);
  const percent = (value: number | null) => asPercent(value === null ? null : value * 100, 1);
  const [surveys, setSurveys] = useState<SurveySummary[] | null>(null);
  const [selected, setSelected] = useState<string>('');
  const [results, setResults] = useState<Results | null>(null);
  const [message, setMessage] = useState<string>('');

  useEffect(() => {
    get<{ data: SurveySummary[] }>('/kerjasama/surveys').then(({ data }) => {
      setSurveys(data.data);
      if (data.data[0]) setSelected(data.data[0].documentId);
    });
  }, [get]);

  const load = useCallback(() => {
    if (!selected) return;
    get<{ data: Results }>(`/kerjasama/surveys/${selected}/results`).then(({ data }) => setResults(data.data));
  }, [get, selected]);
  useEffect(load, [load]);

  const invite = async () => {
    setMessage('');
    try {
      const { data } = await post<{ data: { sent: number; skipped: number } }>(`/kerjasama/surveys/${selected}/invitations`, {});
      setMessage(tr('survey.invited', '{sent} undangan dikirim, {skipped} sudah diundang', '{sent} invitations sent, {skipped} already invited', { sent: data.data.sent, skipped: data.data.skipped }));
      load();
    } catch (error) {
      setMessage((error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? String(error));
    }
  };

  if (!surveys) return <Page.Loading />;
  const title = tr('survey.title', 'Survei kepuasan mitra', 'Partner satisfaction survey');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={tr('survey.subtitle', 'Undangan dan hasil per butir, dimensi, tingkat dan jenis mitra', 'Invitations and results per item, dimension, partner level and type')} />
      <Layouts.Content>
        {surveys.length === 0 ? (
          <Typography>{tr('survey.none', 'Belum ada survei; buat kuesioner di Content Manager', 'No survey yet; build the questionnaire in the Content Manager')}</Typography>
        ) : (
          <>
            <Flex gap={4} marginBottom={6} alignItems="flex-end">
              <Box minWidth="320px">
                <SingleSelect aria-label={tr('survey.select', 'Survei', 'Survey')} value={selected} onChange={(value) => setSelected(String(value))}>
                  {surveys.map((survey) => (
                    <SingleSelectOption key={survey.documentId} value={survey.documentId}>{`${survey.year} · ${survey.title} (${pick(SURVEY_STATES[survey.workflowState], survey.workflowState)})`}</SingleSelectOption>
                  ))}
                </SingleSelect>
              </Box>
              <Button onClick={invite}>{tr('survey.invite', 'Kirim undangan ke mitra aktif', 'Invite partners with an active agreement')}</Button>
            </Flex>
            {message && <Box marginBottom={4}><Typography>{message}</Typography></Box>}
            {results && (
              <>
                <Box marginBottom={4}>
                  <Typography variant="delta">
                    {tr('survey.responseRate', 'Tingkat respons', 'Response rate')}: {percent(results.responseRate)} ({results.answered}/{results.invited}) · {tr('survey.mean', 'Rata-rata', 'Mean')}: {mean(results.overall)} / {results.scaleMax} · {tr('survey.index', 'Indeks kepuasan', 'Satisfaction index')}: {asPercent(results.overall.index, 1)}
                  </Typography>
                </Box>
                <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={6} maxWidth="32rem" data-testid="survey-document">
                  <Typography variant="delta" tag="h2">{tr('survey.document', 'Dokumen hasil survei (FO.28.2.2)', 'Survey results document (FO.28.2.2)')}</Typography>
                  {results.overall.n === 0 ? (
                    <Typography tag="p" variant="pi" textColor="neutral600">{tr('survey.documentWaits', 'Dokumen dapat dicetak setelah ada respons.', 'The document can be printed once there are responses.')}</Typography>
                  ) : null}
                  <Box paddingTop={3}>
                    <IssuedDocuments key={selected} recordDocumentId={selected} formCode="FO.28.2.2" formats={['pdf', 'docx', 'xlsx']} draftName="hasil-survei-draf"
                      printable={results.overall.n > 0} previewUrl={(format) => `/kerjasama/surveys/${selected}/results/export?format=${format}`}
                      issueUrl={`/kerjasama/surveys/${selected}/results/issue`} />
                  </Box>
                </Box>
                <ScoreTable
                  head={[tr('survey.dimension', 'Dimensi', 'Dimension'), tr('survey.items', 'Butir', 'Items'), tr('survey.scores', 'Jawaban', 'Scores'), tr('survey.mean', 'Rata-rata', 'Mean')]}
                  rows={results.dimensions.map((d) => [pick(d.labels), d.items, d.n, mean(d)])}
                />
                <ScoreTable
                  head={[tr('survey.item', 'Butir', 'Item'), tr('survey.dimension', 'Dimensi', 'Dimension'), tr('survey.question', 'Pertanyaan', 'Question'), tr('survey.scores', 'Jawaban', 'Scores'), tr('survey.mean', 'Rata-rata', 'Mean'), tr('survey.distribution', 'Sebaran', 'Distribution')]}
                  rows={results.items.map((item) => [item.code, item.dimension, item.textId ?? '', item.n, mean(item), item.distribution.join(' / ')])}
                />
                <ScoreTable
                  head={[tr('survey.partnerLevel', 'Tingkat mitra', 'Partner level'), tr('survey.respondents', 'Responden', 'Respondents'), tr('survey.mean', 'Rata-rata', 'Mean')]}
                  rows={results.byPartnerLevel.map((group) => [pick(LABELS.level[group.key as keyof typeof LABELS.level], group.key), group.responses, mean(group)])}
                />
                <ScoreTable
                  head={[tr('survey.partnerType', 'Jenis mitra', 'Partner type'), tr('survey.respondents', 'Responden', 'Respondents'), tr('survey.mean', 'Rata-rata', 'Mean')]}
                  rows={results.byPartnerType.map((group) => [pick(LABELS.institutionType[group.key as keyof typeof LABELS.institutionType], group.key), group.responses, mean(group)])}
                />
              </>
            )}
          </>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
