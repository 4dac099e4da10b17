/**
 * The workflow tables, written out a second time by hand: every (from, to) pair of every
 * workflow is tried by every role, so any change to a table entry makes this file fail.
 */
import { ACTOR_ROLES, Actor, ActorRole } from '../../src/domain/roles';
import { checkTransition, TransitionContext, WORKFLOWS, WorkflowUid } from '../../src/domain/workflow';

interface ExpectedTransition {
  name: string;
  roles: ActorRole[];
  reasonRequired: boolean;
  guarded: boolean;
}

type ExpectedTable = Record<string /* "from->to" */, ExpectedTransition>;

const ANY_UNIT_AND_HUMAS: ActorRole[] = ['unit', 'staf_humas', 'kapokja', 'super_admin', 'api_token'];
const HUMAS: ActorRole[] = ['staf_humas', 'kapokja', 'super_admin', 'api_token'];

const t = (name: string, roles: ActorRole[], reasonRequired = false, guarded = false): ExpectedTransition => ({
  name,
  roles,
  reasonRequired,
  guarded,
});

const EXPECTED: Record<WorkflowUid, { states: string[]; initial: string; table: ExpectedTable }> = {
  'api::proposal.proposal': {
    states: [
      'draft',
      'submitted',
      'under_review',
      'revision_requested',
      'recommended',
      'approved',
      'rejected',
      'withdrawn',
    ],
    initial: 'draft',
    table: {
      'draft->submitted': t('submit', ANY_UNIT_AND_HUMAS),
      'submitted->under_review': t('review', HUMAS),
      'under_review->revision_requested': t('request_revision', ['kapokja', 'super_admin', 'api_token'], true),
      'revision_requested->submitted': t('resubmit', ANY_UNIT_AND_HUMAS),
      'under_review->recommended': t('recommend', ['kapokja', 'super_admin', 'api_token'], false, true),
      'under_review->rejected': t('reject', ['kapokja', 'super_admin', 'api_token'], true),
      'recommended->rejected': t('reject', ['direktur', 'super_admin', 'api_token'], true),
      'recommended->approved': t('approve', ['direktur', 'super_admin']),
      'draft->withdrawn': t('withdraw', ANY_UNIT_AND_HUMAS, true),
      'submitted->withdrawn': t('withdraw', ANY_UNIT_AND_HUMAS, true),
    },
  },
  'api::annual-program.annual-program': {
    states: ['draft', 'submitted', 'approved', 'revision_opened', 'closed'],
    initial: 'draft',
    table: {
      'draft->submitted': t('submit', ['kapokja', 'super_admin', 'api_token'], false, true),
      'submitted->approved': t('approve', ['direktur', 'super_admin']),
      'submitted->draft': t('return', ['direktur', 'super_admin', 'api_token'], true),
      'approved->revision_opened': t('open_revision', ['kapokja', 'direktur', 'super_admin', 'api_token'], true),
      'revision_opened->submitted': t('resubmit', ['kapokja', 'super_admin', 'api_token'], false, true),
      'approved->closed': t('close', ['kapokja', 'direktur', 'super_admin', 'api_token']),
    },
  },
  'api::program-item.program-item': {
    states: ['planned', 'in_progress', 'done', 'cancelled'],
    initial: 'planned',
    table: {
      'planned->in_progress': t('start', HUMAS, false, true),
      'in_progress->done': t('finish', HUMAS, false, true),
      'planned->cancelled': t('cancel', HUMAS, true, true),
      'in_progress->cancelled': t('cancel', HUMAS, true, true),
    },
  },
  'api::meeting-minute.meeting-minute': {
    states: ['draft', 'final'],
    initial: 'draft',
    table: { 'draft->final': t('finalize', HUMAS) },
  },
  'api::evaluation-report.evaluation-report': {
    states: ['draft', 'final'],
    initial: 'draft',
    table: { 'draft->final': t('finalize', ['kapokja', 'super_admin', 'api_token']) },
  },
  'api::partner.partner': {
    states: ['draft', 'proposed', 'approved', 'withdrawn'],
    initial: 'draft',
    table: {
      'draft->proposed': t('propose', HUMAS),
      'proposed->approved': t('approve', ['kapokja', 'direktur', 'super_admin'], false, true),
      'proposed->draft': t('return', ['kapokja', 'direktur', 'super_admin', 'api_token'], true),
      'approved->withdrawn': t('withdraw_listing', ['kapokja', 'direktur', 'super_admin', 'api_token'], true),
      'withdrawn->proposed': t('propose', HUMAS),
    },
  },
  'api::satisfaction-survey.satisfaction-survey': {
    states: ['draft', 'open', 'closed'],
    initial: 'draft',
    table: {
      'draft->open': t('open', HUMAS),
      'open->closed': t('close', HUMAS),
      'closed->open': t('reopen', HUMAS),
    },
  },
  'api::activity-report.activity-report': {
    states: ['draft', 'submitted', 'verified', 'returned'],
    initial: 'draft',
    table: {
      'draft->submitted': t('submit', ANY_UNIT_AND_HUMAS),
      'submitted->verified': t('verify', HUMAS),
      'submitted->returned': t('return', HUMAS, true),
      'returned->submitted': t('resubmit', ANY_UNIT_AND_HUMAS),
    },
  },
};

const OWN_UNIT = 7;
/** Every guard satisfied and the record owned by the actor's unit: only the table decides. */
const PERMISSIVE_CONTEXT: TransitionContext = {
  missingAnalysisFields: [],
  itemStates: ['planned'],
  activeAgreementCount: 1,
  recordUnitId: OWN_UNIT,
  programState: 'approved',
};

const actorWith = (role: ActorRole): Actor => ({ kind: 'admin', roles: [role], unitIds: [OWN_UNIT] });

const uids = Object.keys(EXPECTED) as WorkflowUid[];

test('every workflow type has an expected table and no other exists', () => {
  expect(Object.keys(WORKFLOWS).sort()).toEqual([...uids].sort());
});

describe.each(uids)('%s', (uid) => {
  const expected = EXPECTED[uid];
  const machine = WORKFLOWS[uid];

  test('states, initial state and uid', () => {
    expect(machine.uid).toBe(uid);
    expect(machine.states.map((s) => s.name)).toEqual(expected.states);
    expect(machine.initial).toBe(expected.initial);
  });

  test('transitions in the machine are exactly the expected ones', () => {
    const actual = Object.fromEntries(
      machine.transitions.map((tr) => [
        `${tr.from}->${tr.to}`,
        t(tr.name, [...tr.roles].sort(), tr.reasonRequired, tr.guard !== undefined),
      ]),
    );
    const sortedExpected = Object.fromEntries(
      Object.entries(expected.table).map(([pair, tr]) => [pair, { ...tr, roles: [...tr.roles].sort() }]),
    );
    expect(actual).toEqual(sortedExpected);
    expect(Object.keys(actual)).toHaveLength(machine.transitions.length); // no duplicate (from, to) pair
  });

  const cases = expected.states.flatMap((from) =>
    expected.states.flatMap((to) => ACTOR_ROLES.map((role) => [from, to, role] as const)),
  );

  test.each(cases)('%s -> %s by %s', (from, to, role) => {
    const entry = expected.table[`${from}->${to}`];
    const result = checkTransition({
      uid,
      from,
      to,
      actor: actorWith(role),
      reason: 'alasan',
      context: PERMISSIVE_CONTEXT,
    });
    if (!entry) {
      expect(result).toMatchObject({ ok: false, code: 'no_such_transition' });
    } else if (!entry.roles.includes(role)) {
      expect(result).toMatchObject({ ok: false, code: 'forbidden_role' });
    } else {
      expect(result).toMatchObject({ ok: true, transition: { from, to, name: entry.name } });
    }
  });
});
