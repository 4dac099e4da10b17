/**
 * One owner per shape (issue 10 item 3): the content-type schema enums equal the domain's lists,
 * and the GraphQL SDL and OpenAPI schema of the directory partner have exactly the fields of its
 * TypeScript type (as built by buildDirectory).
 */
import fs from 'fs';
import path from 'path';
import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { directoryPartnerOpenApi, directoryPartnerSdl, DIRECTORY_PARTNER_FIELDS } from '../../src/api/directory/partner-fields';
import { EVIDENCE_KIND_LABELS, MAPPING_SOURCE_LABELS, PRIORITY_LABELS, TRIDHARMA_LABELS } from '../../src/contracts/labels';
import { ACTIVITY_TRIDHARMA, EVIDENCE_KINDS } from '../../src/domain/activity-report';
import { MAPPING_SOURCES, NEEDS_PRIORITIES, TARGET_METRICS } from '../../src/domain/achievement';
import { AGREEMENT_KIND_LABELS } from '../../src/domain/agreement';
import { buildDirectory, INSTITUTION_TYPES, PARTNER_LEVELS } from '../../src/domain/directory';
import { PROPOSAL_CHANNELS } from '../../src/domain/evaluation';
import { DIMENSIONS } from '../../src/domain/survey';
import { UNIT_KIND_LABELS } from '../../src/domain/validation';
import {
  activityReportWorkflow,
  annualProgramWorkflow,
  evaluationReportWorkflow,
  meetingMinuteWorkflow,
  partnerListingWorkflow,
  programItemWorkflow,
  proposalWorkflow,
  satisfactionSurveyWorkflow,
} from '../../src/domain/workflow';

const ROOT = path.resolve(__dirname, '..', '..');
const enumOf = (file: string, attribute: string): string[] => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', file), 'utf8')) as { attributes: Record<string, { enum?: string[] }> };
  return schema.attributes[attribute].enum ?? [];
};
const ct = (name: string) => `api/${name}/content-types/${name}/schema.json`;
const states = (machine: { states: ReadonlyArray<{ name: string }> }) => machine.states.map((state) => state.name);

describe('content-type schema enums equal the domain lists', () => {
  test.each<[string, string, readonly string[]]>([
    [ct('partner'), 'level', PARTNER_LEVELS],
    [ct('annual-target'), 'partnerLevel', PARTNER_LEVELS],
    [ct('partner'), 'institutionType', INSTITUTION_TYPES],
    [ct('proposal'), 'prospectivePartnerType', INSTITUTION_TYPES],
    [ct('annual-target'), 'metric', TARGET_METRICS],
    [ct('needs-mapping'), 'priority', NEEDS_PRIORITIES],
    [ct('needs-mapping'), 'source', MAPPING_SOURCES],
    [ct('agreement'), 'kind', Object.keys(AGREEMENT_KIND_LABELS)],
    [ct('unit'), 'kind', Object.keys(UNIT_KIND_LABELS)],
    [ct('proposal'), 'sourceChannel', PROPOSAL_CHANNELS],
    ['components/survey/question.json', 'dimension', DIMENSIONS],
    [ct('cooperation-type'), 'tridharma', Object.keys(TRIDHARMA_LABELS)],
    [ct('proposal'), 'workflowState', states(proposalWorkflow)],
    [ct('annual-program'), 'workflowState', states(annualProgramWorkflow)],
    [ct('program-item'), 'workflowState', states(programItemWorkflow)],
    [ct('meeting-minute'), 'workflowState', states(meetingMinuteWorkflow)],
    [ct('evaluation-report'), 'workflowState', states(evaluationReportWorkflow)],
    [ct('partner'), 'workflowState', states(partnerListingWorkflow)],
    [ct('satisfaction-survey'), 'workflowState', states(satisfactionSurveyWorkflow)],
    [ct('activity-report'), 'workflowState', states(activityReportWorkflow)],
    [ct('activity-report'), 'tridharma', ACTIVITY_TRIDHARMA],
    ['components/activity/evidence.json', 'kind', EVIDENCE_KINDS],
    ['components/activity/evidence.json', 'kind', Object.keys(EVIDENCE_KIND_LABELS)],
  ])('%s %s', (file, attribute, list) => {
    expect([...enumOf(file, attribute)].sort()).toEqual([...list].sort());
  });

  test('every planning label table covers exactly its enum', () => {
    expect(Object.keys(PRIORITY_LABELS).sort()).toEqual([...NEEDS_PRIORITIES].sort());
    expect(Object.keys(MAPPING_SOURCE_LABELS).sort()).toEqual([...MAPPING_SOURCES].sort());
  });
});

describe('the directory partner is described once', () => {
  const built = buildDirectory(
    [{ documentId: 'p', name: 'PT Contoh', institutionType: 'industry', level: 'national', country: 'ID', city: null, website: null, logoUrl: null, publicDescription: null }],
    [{ partnerDocumentId: 'p', kind: 'mou', active: true, began: '2020-01-01', cooperationTypes: [], units: [] }],
    { cooperationTypes: [], units: [] },
  ).data[0];
  const fields = Object.keys(built).sort();

  test('the field list has the fields buildDirectory produces', () => {
    expect(Object.keys(DIRECTORY_PARTNER_FIELDS).sort()).toEqual(fields);
  });

  test('GraphQL SDL: exactly those fields, nullable where the type is', () => {
    const document = parse(directoryPartnerSdl());
    const type = document.definitions.find((node): node is ObjectTypeDefinitionNode => node.kind === 'ObjectTypeDefinition' && node.name.value === 'DirectoryPartner');
    expect(type?.fields?.map((field) => field.name.value).sort()).toEqual(fields);
    const nonNull = type?.fields?.filter((field) => field.type.kind === 'NonNullType').map((field) => field.name.value).sort();
    expect(nonNull).toEqual(['agreementKinds', 'cooperationTypes', 'country', 'documentId', 'institutionType', 'level', 'name', 'units']);
  });

  test('OpenAPI schema: exactly those fields, the same required ones', () => {
    const schema = directoryPartnerOpenApi();
    expect(Object.keys(schema.properties).sort()).toEqual(fields);
    expect([...schema.required].sort()).toEqual(['agreementKinds', 'cooperationTypes', 'country', 'documentId', 'institutionType', 'level', 'name', 'units']);
    expect(schema.properties.level).toEqual({ type: 'string', enum: [...PARTNER_LEVELS] });
    expect(schema.properties.since).toEqual({ type: 'integer', nullable: true });
  });
});
