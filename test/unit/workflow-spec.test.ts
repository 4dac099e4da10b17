/**
 * The lists every door and page reads from a workflow's spec (src/domain/workflow), derived
 * once by defineWorkflow: editable states, what a unit may edit, derived fields, what freezes a
 * record, which permission a move asks, and whether every effect a spec names is implemented.
 */
import {
  EFFECT_FIELDS,
  getWorkflow,
  transitionPermissions,
  unitEdits,
  WORKFLOWS,
  workflowLists,
  type WorkflowUid,
} from '../../src/domain/workflow';
import { UNIT_EDITABLE_STATES, UNIT_WRITABLE_FIELDS } from '../../src/domain/proposal-intake';
import { ADAPTERS, missingImplementations } from '../../src/workflow/adapters';

const PROPOSAL = 'api::proposal.proposal';
const PROGRAM = 'api::annual-program.annual-program';
const ITEM = 'api::program-item.program-item';
const MINUTE = 'api::meeting-minute.meeting-minute';
const REPORT = 'api::evaluation-report.evaluation-report';
const PARTNER = 'api::partner.partner';
const SURVEY = 'api::satisfaction-survey.satisfaction-survey';
const ACTIVITY = 'api::activity-report.activity-report';
const uids = Object.keys(WORKFLOWS) as WorkflowUid[];

test.each([
  [PROPOSAL, ['draft', 'submitted', 'under_review', 'revision_requested', 'recommended', 'approved', 'rejected', 'withdrawn']],
  [PROGRAM, ['draft', 'revision_opened']],
  [ITEM, ['planned', 'in_progress', 'done', 'cancelled']],
  [MINUTE, ['draft']],
  [REPORT, ['draft']],
  [PARTNER, ['draft', 'proposed', 'approved', 'withdrawn']],
  [SURVEY, ['draft', 'open', 'closed']],
  [ACTIVITY, ['draft', 'submitted', 'returned']],
] as const)('%s is editable in %j', (uid, states) => {
  expect(workflowLists(uid).editableStates).toEqual(states);
});

test.each(uids)('%s: editable and frozen states split its states', (uid) => {
  const { editableStates, frozenStates } = workflowLists(uid);
  expect([...editableStates, ...frozenStates].sort()).toEqual(WORKFLOWS[uid].states.map((s) => s.name).sort());
  expect(editableStates.filter((state) => frozenStates.includes(state))).toEqual([]);
});

const UNIT_EDITABLE: Partial<Record<WorkflowUid, string[]>> = { [PROPOSAL]: ['draft', 'revision_requested'], [ACTIVITY]: ['draft', 'returned'] };

test('only proposals and activity reports are edited by units, in their draft or when returned', () => {
  for (const uid of uids) expect([uid, workflowLists(uid).unitEditableStates]).toEqual([uid, UNIT_EDITABLE[uid] ?? []]);
  expect(unitEdits(ACTIVITY).fields).toContain('evidence');
  for (const field of ['partner', 'reportedBy', 'verifiedAt', 'cooperationType']) expect(unitEdits(ACTIVITY).fields).not.toContain(field);
  expect(workflowLists(ACTIVITY).frozenStates).toEqual(['verified']);
  expect(UNIT_EDITABLE_STATES).toEqual(['draft', 'revision_requested']);
  expect(UNIT_WRITABLE_FIELDS).toBe(unitEdits(PROPOSAL).fields);
  expect(UNIT_WRITABLE_FIELDS).toContain('workflowState');
  expect(UNIT_WRITABLE_FIELDS).not.toContain('analysis');
  expect(unitEdits(PROPOSAL).states.every((state) => workflowLists(PROPOSAL).editableStates.includes(state))).toBe(true);
});

test.each([
  [PROPOSAL, []],
  [PROGRAM, ['approvedAt', 'approvedBy', 'approvedSnapshot', 'revisionNumber']],
  [ITEM, []],
  [MINUTE, ['finalizedAt']],
  [REPORT, ['finalizedAt']],
  [PARTNER, []],
  [SURVEY, []],
  [ACTIVITY, ['verifiedAt']],
] as const)('%s: the workflow maintains %j', (uid, fields) => {
  expect(workflowLists(uid).derivedFields).toEqual(fields);
});

test('derived fields are exactly what the effects write', () => {
  for (const machine of Object.values(WORKFLOWS)) {
    const written = [...machine.transitions.flatMap((t) => t.effects), ...machine.editEffects].flatMap((effect) => EFFECT_FIELDS[effect]);
    expect(new Set(machine.derivedFields)).toEqual(new Set(written));
  }
});

test('what freezes what: the program its own items; nothing else has a parent', () => {
  expect(getWorkflow(ITEM)!.frozenByParent).toEqual({ uid: PROGRAM, relation: 'program', part: 'items' });
  for (const uid of uids.filter((u) => u !== ITEM)) expect(getWorkflow(uid)!.frozenByParent).toBeUndefined();
  expect(getWorkflow(PROGRAM)!.unfreezeHint?.en).toMatch(/open a revision/);
});

test('publication is the workflow\'s for partners only; a survey may be entered open or closed', () => {
  expect(uids.filter((uid) => WORKFLOWS[uid].publicationByWorkflow)).toEqual([PARTNER]);
  expect(WORKFLOWS[PARTNER].editEffects).toEqual(['listing_sync']);
  for (const transition of WORKFLOWS[PARTNER].transitions) expect(transition.effects).toContain('listing_sync');
  for (const uid of uids) expect(WORKFLOWS[uid].creatableStates).toEqual(uid === SURVEY ? ['draft', 'open', 'closed'] : [WORKFLOWS[uid].initial]);
});

describe('the permission a program move asks on the planning pages', () => {
  const fallback = ['manageProgram'] as const;
  test.each([
    ['draft', 'submitted', ['manageProgram']],
    ['submitted', 'approved', ['approveProgram']],
    ['submitted', 'draft', ['approveProgram']],
    ['approved', 'revision_opened', ['manageProgram', 'approveProgram']],
    ['revision_opened', 'submitted', ['manageProgram']],
    ['approved', 'closed', ['manageProgram']],
    // Not in the table: the planner's request, refused by the workflow with its reason.
    ['draft', 'approved', ['manageProgram']],
  ] as const)('%s -> %s asks %j', (from, to, permissions) => {
    expect(transitionPermissions(PROGRAM, from, to, fallback)).toEqual(permissions);
  });

  test('every program transition names its permission; other workflows name none', () => {
    for (const machine of Object.values(WORKFLOWS)) {
      for (const transition of machine.transitions) expect(transition.permissions.length > 0).toBe(machine.uid === PROGRAM);
    }
  });
});

describe('adapters', () => {
  test.each(uids)('%s: its adapter implements every effect its spec names', (uid) => {
    expect(missingImplementations(WORKFLOWS[uid], ADAPTERS[uid])).toEqual([]);
  });

  test('a spec naming an effect its adapter lacks is caught', () => {
    expect(missingImplementations(WORKFLOWS[PROGRAM], {})).toEqual(['snapshot']);
    expect(missingImplementations(WORKFLOWS[PARTNER], {})).toEqual(['listing_sync', 'publicationRefusal']);
  });
});
