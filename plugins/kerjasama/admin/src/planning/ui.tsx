import type { ReactNode } from 'react';
import { programItemWorkflow, proposalWorkflow } from '@kerjasama/domain/workflow';
import { INSTITUTION_TYPE_LABELS, MAPPING_SOURCE_LABELS, PARTNER_LEVEL_LABELS, PRIORITY_LABELS, TRIDHARMA_LABELS } from '@kerjasama/contracts/labels';
import { Box, Flex, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useSearchParams } from 'react-router-dom';
import type { Bilingual } from '../bilingual';
import { t } from '../pluginId';
import { PLANNING_PERMISSIONS } from './api';

/** Translated text: the key's translation, Indonesian as the default (scripts keep id/en in sync). */
export const useT = () => {
  const { formatMessage, locale } = useIntl();
  const tr = (key: string, id: string, _en: string, values?: Record<string, string | number>) => formatMessage({ id: t(key), defaultMessage: id }, values);
  const pick = (label: Bilingual | undefined, fallback = '') => (label ? (locale.startsWith('en') ? label.en : label.id) : fallback);
  /** A number in the admin's language (3,5 in Indonesian, 3.5 in English), `digits` after the point. */
  const number = (value: number | null | undefined, digits?: number) =>
    value === null || value === undefined ? '—' : new Intl.NumberFormat(locale, digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  /** A percentage (0–100) in the admin's language. */
  const percent = (value: number | null | undefined, digits?: number) => (value === null || value === undefined ? '—' : `${number(value, digits)}%`);
  return { tr, pick, locale, number, percent };
};

/** useRBAC names each action `can` + its last segment in camel case (`retention.read` → canRead). */
interface PlanningRights {
  canReadDashboard: boolean;
  canEditMapping: boolean;
  canEditTargets: boolean;
  canManageProgram: boolean;
  canApproveProgram: boolean;
  canRead: boolean;
  isLoading: boolean;
}

export const usePlanningRights = (): PlanningRights => {
  const { allowedActions, isLoading } = useRBAC(PLANNING_PERMISSIONS);
  return { ...(allowedActions as unknown as Omit<PlanningRights, 'isLoading'>), isLoading };
};

/** The year shown, kept in the URL (?year=) so a reload or a shared link shows the same year. */
export const useYear = (): [number, (year: number) => void] => {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  return [year, (next) => setParams((current) => {
    const copy = new URLSearchParams(current);
    copy.set('year', String(next));
    return copy;
  })];
};

const stateLabels = (machine: { states: ReadonlyArray<{ name: string; labels: Bilingual }> }): Record<string, Bilingual> =>
  Object.fromEntries(machine.states.map((state) => [state.name, state.labels]));

export const LABELS = {
  priority: PRIORITY_LABELS,
  tridharma: TRIDHARMA_LABELS,
  level: PARTNER_LEVEL_LABELS,
  source: MAPPING_SOURCE_LABELS,
  // States and their names come from the workflow tables the server enforces.
  proposalState: stateLabels(proposalWorkflow),
  itemState: stateLabels(programItemWorkflow),
  institutionType: INSTITUTION_TYPE_LABELS,
} satisfies Record<string, Record<string, Bilingual>>;

const TABS = [
  { to: '', key: 'nav.dashboard', id: 'Dasbor', en: 'Dashboard' },
  { to: 'mapping', key: 'nav.mapping', id: 'Pemetaan kebutuhan', en: 'Needs mapping' },
  { to: 'targets', key: 'nav.targets', id: 'Target & capaian', en: 'Targets & achievement' },
  { to: 'program', key: 'nav.program', id: 'Program tahunan', en: 'Annual program' },
  { to: 'evaluation', key: 'nav.evaluation', id: 'Laporan evaluasi', en: 'Evaluation report' },
  { to: 'monitoring-recap', key: 'nav.recap', id: 'Rekap monitoring', en: 'Monitoring recap' },
];

/** Header, tabs and year of every planning page. */
export const PlanningPage = ({ titleKey, title, titleEn, actions, children }: { titleKey: string; title: string; titleEn: string; actions?: ReactNode; children: ReactNode }) => {
  const { tr } = useT();
  const [year, setYear] = useYear();
  const rights = usePlanningRights();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, index) => thisYear + 1 - index);
  if (!years.includes(year)) years.push(year);
  return (
    <Page.Main>
      <Page.Title>{`${tr(titleKey, title, titleEn)} ${year}`}</Page.Title>
      <Layouts.Header
        title={`${tr(titleKey, title, titleEn)} ${year}`}
        subtitle={tr('home.subtitle', 'Perencanaan program kerjasama (PR.28.1)', 'Cooperation program planning (PR.28.1)')}
        primaryAction={
          <Flex gap={2}>
            {actions}
            <Box minWidth="12rem">
              <SingleSelect aria-label={tr('year', 'Tahun', 'Year')} value={String(year)} onChange={(value) => setYear(Number(value))}>
                {years.sort((a, b) => b - a).map((option) => (
                  <SingleSelectOption key={option} value={String(option)}>{`${tr('year', 'Tahun', 'Year')} ${option}`}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} wrap="wrap">
          {TABS.map((tab) => (
            <Link key={tab.key} tag={NavLink} to={`/plugins/kerjasama${tab.to ? `/${tab.to}` : ''}?year=${year}`} end>
              {tr(tab.key, tab.id, tab.en)}
            </Link>
          ))}
          {rights.canRead ? (
            <Link tag={NavLink} to="/plugins/kerjasama/retention">{tr('retention.title', 'Laporan retensi arsip', 'Records retention report')}</Link>
          ) : null}
          <Link tag={NavLink} to="/plugins/kerjasama/surveys">{tr('nav.surveys', 'Survei kepuasan mitra', 'Partner satisfaction surveys')}</Link>
          <Link tag={NavLink} to="/plugins/kerjasama/participation">{tr('nav.participation', 'Partisipasi unit', 'Unit participation')}</Link>
          <Link tag={NavLink} to={`/plugins/kerjasama/accreditation?year=${year}`}>{tr('nav.accreditation', 'Akreditasi', 'Accreditation')}</Link>
          <Link tag={NavLink} to="/plugins/kerjasama/import">{tr('nav.import', 'Impor data', 'Import data')}</Link>
          <Link tag={NavLink} to="/plugins/kerjasama/duplicate-partners">{tr('nav.duplicates', 'Mitra ganda', 'Duplicate partners')}</Link>
        </Flex>
        {children}
      </Layouts.Content>
    </Page.Main>
  );
};

export const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4} data-testid={testId}>
    <Typography variant="delta" tag="h2">{title}</Typography>
    <Box paddingTop={3}>{children}</Box>
  </Box>
);

/** A progress bar 0–100 (over-achievement fills it, no more). */
export const Progress = ({ value, label }: { value: number; label: string }) => (
  <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} style={{ width: 96, height: 8, borderRadius: 4, background: '#eaeaef', overflow: 'hidden', flexShrink: 0 }}>
    <div style={{ width: `${Math.max(0, Math.min(100, value))}%`, height: '100%', background: value >= 100 ? '#328048' : '#4945ff' }} />
  </div>
);

export const formatPercent = (percent: number | null) => (percent === null ? '—' : `${percent.toLocaleString('id-ID')}%`);
