import { ACTOR_ROLES, Actor, ActorRole } from '../../src/domain/roles';
import {
  availableTransitions,
  checkTransition,
  initialState,
  isFrozen,
  isPartnerListed,
  isProgramItemFrozen,
  isTerminalState,
  isWorkflowType,
  TransitionContext,
  WORKFLOWS,
  WorkflowUid,
} from '../../src/domain/workflow';
import { ANALYSIS_FIELD_LABELS, ANALYSIS_FIELDS, missingAnalysisFields, type AnalysisField } from '../../src/domain/workflow/proposal';

const PROPOSAL = 'api::proposal.proposal';
const PROGRAM = 'api::annual-program.annual-program';
const ITEM = 'api::program-item.program-item';
const MINUTE = 'api::meeting-minute.meeting-minute';
const REPORT = 'api::evaluation-report.evaluation-report';
const PARTNER = 'api::partner.partner';
const ACTIVITY = 'api::activity-report.activity-report';

const uids = Object.keys(WORKFLOWS) as WorkflowUid[];
const allTransitions = uids.flatMap((uid) => WORKFLOWS[uid].transitions.map((tr) => ({ uid, ...tr })));

const actor = (roles: ActorRole[], unitIds?: Array<string | number>): Actor => ({ kind: 'admin', roles, unitIds });
const superAdmin = actor(['super_admin']);
const apiToken: Actor = { kind: 'api_token', roles: ['api_token'] };

const ALL_GUARDS_MET: TransitionContext = {
  missingAnalysisFields: [],
  itemStates: ['planned', 'cancelled', 'done'],
  activeAgreementCount: 2,
  programState: 'approved',
};

describe('table invariants', () => {
  test.each(allTransitions)('$uid $from -> $to: super_admin may fire it, system may not', (tr) => {
    expect(tr.roles).toContain('super_admin');
    expect(tr.roles).not.toContain('system');
  });

  test.each(allTransitions)('$uid $from -> $to: labels in Indonesian and English', (tr) => {
    expect(tr.labels.id).not.toBe('');
    expect(tr.labels.en).not.toBe('');
  });

  test.each(uids)('%s: every state has both labels and frozen states are states', (uid) => {
    const machine = WORKFLOWS[uid];
    const names = machine.states.map((s) => s.name);
    for (const state of machine.states) {
      expect(state.labels.id).toBeTruthy();
      expect(state.labels.en).toBeTruthy();
    }
    for (const frozen of machine.frozenStates) expect(names).toContain(frozen);
    for (const tr of machine.transitions) expect(names).toEqual(expect.arrayContaining([tr.from, tr.to]));
  });
});

describe('approvals need a named person', () => {
  const approvals = allTransitions.filter((tr) => tr.name === 'approve');

  test('the approvals are the proposal, program and partner listing approvals', () => {
    expect(approvals.map((tr) => `${tr.uid} ${tr.to}`)).toEqual([
      `${PROPOSAL} approved`,
      `${PROGRAM} approved`,
      `${PARTNER} approved`,
    ]);
  });

  test.each(approvals)('$uid: an API token cannot approve', ({ uid, from, to }) => {
    const result = checkTransition({ uid, from, to, actor: apiToken, reason: 'x', context: ALL_GUARDS_MET });
    expect(result).toMatchObject({ ok: false, code: 'forbidden_role' });
    expect(!result.ok && result.message).toContain('bukan token API (');
  });

  test('an API token may fire a non-approval, e.g. submit a proposal', () => {
    expect(checkTransition({ uid: PROPOSAL, from: 'draft', to: 'submitted', actor: apiToken }).ok).toBe(true);
  });
});

describe('system acts through no transition', () => {
  test.each(allTransitions)('$uid $from -> $to', ({ uid, from, to }) => {
    const system: Actor = { kind: 'system', roles: ['system'] };
    const result = checkTransition({ uid, from, to, actor: system, reason: 'x', context: ALL_GUARDS_MET });
    expect(result).toMatchObject({ ok: false, code: 'forbidden_role' });
  });
});

describe('a unit acts only on its own unit’s records', () => {
  const unitTransitions = allTransitions.filter((tr) => tr.roles.includes('unit'));

  test('unit transitions are submit, resubmit and withdraw of proposals and submit, resubmit of activity reports', () => {
    expect(unitTransitions.map((tr) => `${tr.uid} ${tr.name} ${tr.from}`)).toEqual([
      `${PROPOSAL} submit draft`,
      `${PROPOSAL} resubmit revision_requested`,
      `${PROPOSAL} withdraw draft`,
      `${PROPOSAL} withdraw submitted`,
      `${ACTIVITY} submit draft`,
      `${ACTIVITY} resubmit returned`,
    ]);
  });

  test.each([
    ['own unit, same id type', [7], 7, true],
    ['own unit, id as string vs number', ['7'], 7, true],
    ['one of several units', [3, 7], '7', true],
    ['another unit', [3], 7, false],
    ['no units linked', undefined, 7, false],
    ['record without unit', [7], undefined, false],
    ['record with null unit', [7], null, false],
  ] as const)('%s', (_, unitIds, recordUnitId, allowed) => {
    const unitUser: Actor = { kind: 'user', roles: ['unit'], unitIds: unitIds ? [...unitIds] : undefined };
    for (const { uid, from, to } of unitTransitions) {
      const result = checkTransition({ uid, from, to, actor: unitUser, reason: 'x', context: { recordUnitId } });
      expect(result.ok).toBe(allowed);
      if (!result.ok) {
        expect(result.code).toBe('forbidden_role');
        expect(result.message).toContain('milik unitnya sendiri');
      }
    }
  });

  test('staff roles do not depend on the record’s unit', () => {
    const staff = actor(['staf_humas']);
    expect(checkTransition({ uid: PROPOSAL, from: 'draft', to: 'submitted', actor: staff }).ok).toBe(true);
  });

  test('an actor with several roles is allowed by any one of them', () => {
    const unitAndHumas = actor(['unit', 'staf_humas'], [1]);
    const result = checkTransition({
      uid: PROPOSAL,
      from: 'draft',
      to: 'submitted',
      actor: unitAndHumas,
      context: { recordUnitId: 2 },
    });
    expect(result.ok).toBe(true);
  });
});

describe('reason required', () => {
  const withReason = allTransitions.filter((tr) => tr.reasonRequired);

  test('exactly the refusing and reopening transitions need a reason', () => {
    expect(withReason.map((tr) => `${tr.uid} ${tr.name} ${tr.from}`).sort()).toEqual(
      [
        `${PROPOSAL} request_revision under_review`,
        `${PROPOSAL} reject under_review`,
        `${PROPOSAL} reject recommended`,
        `${PROPOSAL} withdraw draft`,
        `${PROPOSAL} withdraw submitted`,
        `${PROGRAM} return submitted`,
        `${PROGRAM} open_revision approved`,
        `${ITEM} cancel planned`,
        `${ITEM} cancel in_progress`,
        `${PARTNER} return proposed`,
        `${PARTNER} withdraw_listing approved`,
        `${ACTIVITY} return submitted`,
      ].sort(),
    );
  });

  test.each(withReason.flatMap((tr) => [undefined, null, '', '   \n'].map((reason) => ({ ...tr, reason }))))(
    '$uid $from -> $to refused with reason %j',
    ({ uid, from, to, reason }) => {
      const result = checkTransition({ uid, from, to, actor: superAdmin, reason, context: ALL_GUARDS_MET });
      expect(result).toMatchObject({ ok: false, code: 'reason_required' });
      expect(!result.ok && result.message).toMatch(/alasan wajib diisi \(.*a reason is required\)$/);
    },
  );

  test.each(withReason)('$uid $from -> $to allowed with a reason', ({ uid, from, to }) => {
    const result = checkTransition({
      uid,
      from,
      to,
      actor: superAdmin,
      reason: 'Mitra tidak merespons',
      context: ALL_GUARDS_MET,
    });
    expect(result.ok).toBe(true);
  });

  test('a role check comes before the reason check', () => {
    const result = checkTransition({ uid: PROPOSAL, from: 'recommended', to: 'rejected', actor: actor(['kapokja']) });
    expect(result).toMatchObject({ ok: false, code: 'forbidden_role' });
  });
});

describe('guards', () => {
  test.each([
    // uid, from, to, context that fails, context that passes
    [PROPOSAL, 'under_review', 'recommended', {}, { missingAnalysisFields: [] }],
    [PROPOSAL, 'under_review', 'recommended', { missingAnalysisFields: ['risk'] }, { missingAnalysisFields: [] }],
    [PROGRAM, 'draft', 'submitted', {}, { itemStates: ['planned'] }],
    [PROGRAM, 'draft', 'submitted', { itemStates: [] }, { itemStates: ['planned'] }],
    [PROGRAM, 'draft', 'submitted', { itemStates: ['cancelled'] }, { itemStates: ['cancelled', 'planned'] }],
    [PROGRAM, 'revision_opened', 'submitted', { itemStates: ['cancelled', 'cancelled'] }, { itemStates: ['done'] }],
    [PROGRAM, 'revision_opened', 'submitted', { itemStates: [] }, { itemStates: ['in_progress', 'planned'] }],
    [PARTNER, 'proposed', 'approved', {}, { activeAgreementCount: 1 }],
    [PARTNER, 'proposed', 'approved', { activeAgreementCount: 0 }, { activeAgreementCount: 1 }],
    [ITEM, 'planned', 'in_progress', {}, { programState: 'approved' }],
    [ITEM, 'planned', 'in_progress', { programState: 'draft' }, { programState: 'approved' }],
    [ITEM, 'planned', 'in_progress', { programState: 'submitted' }, { programState: 'revision_opened' }],
    [ITEM, 'in_progress', 'done', { programState: 'closed' }, { programState: 'approved' }],
    [ITEM, 'planned', 'cancelled', { programState: 'closed' }, { programState: 'approved' }],
    [ITEM, 'in_progress', 'cancelled', { programState: 'draft' }, { programState: 'revision_opened' }],
  ] as Array<[WorkflowUid, string, string, TransitionContext, TransitionContext]>)(
    '%s %s -> %s: refused with %j, allowed with %j',
    (uid, from, to, failing, passing) => {
      const refused = checkTransition({ uid, from, to, actor: superAdmin, reason: 'x', context: failing });
      expect(refused).toMatchObject({ ok: false, code: 'guard_failed' });
      expect(checkTransition({ uid, from, to, actor: superAdmin, reason: 'x', context: passing }).ok).toBe(true);
    },
  );

  test('the guard message says what is missing, Indonesian first', () => {
    const result = checkTransition({ uid: PROPOSAL, from: 'under_review', to: 'recommended', actor: superAdmin });
    expect(!result.ok && result.message).toBe(
      'Usulan kerjasama tidak dapat dipindahkan dari "Sedang ditinjau" ke "Direkomendasikan": ' +
        'usulan harus dianalisis sebelum direkomendasikan; belum diisi: kesesuaian dengan visi, kesesuaian dengan kebutuhan, kelayakan, risiko, rekomendasi ' +
        '(The cooperation proposal cannot move from "Under review" to "Recommended": ' +
        'the proposal needs its analysis before it can be recommended; not filled in yet: alignment with the vision, alignment with the needs, feasibility, risk, recommendation)',
    );
  });

  test('a guard without named fields gives its message alone', () => {
    const result = checkTransition({ uid: PROGRAM, from: 'draft', to: 'submitted', actor: superAdmin, context: { itemStates: ['cancelled'] } });
    expect(result).toEqual({
      ok: false,
      code: 'guard_failed',
      message:
        'Program kerjasama tidak dapat dipindahkan dari "Draf" ke "Diajukan": program kerjasama harus memiliki sedikitnya satu butir program ' +
        '(The annual cooperation program cannot move from "Draft" to "Submitted": the annual program needs at least one program item)',
    });
  });
});

describe('the analysis before a recommendation', () => {
  const FULL = { visionAlignment: 'Selaras', needsAlignment: 'Dibutuhkan', feasibility: 'Layak', risk: 'Rendah', recommendation: 'proceed' };
  const recommend = (analysis: Record<string, unknown> | null | undefined) =>
    checkTransition({
      uid: PROPOSAL,
      from: 'under_review',
      to: 'recommended',
      actor: superAdmin,
      context: { missingAnalysisFields: missingAnalysisFields(analysis) },
    });

  test('every field written: nothing missing, and the recommendation may go', () => {
    expect(missingAnalysisFields(FULL)).toEqual([]);
    expect(recommend(FULL)).toMatchObject({ ok: true, transition: { name: 'recommend' } });
    expect(ANALYSIS_FIELDS).toEqual(['visionAlignment', 'needsAlignment', 'feasibility', 'risk', 'recommendation']);
  });

  test.each([
    ['no analysis', undefined, [...ANALYSIS_FIELDS]],
    ['an empty analysis', null, [...ANALYSIS_FIELDS]],
    ['only the vision', { visionAlignment: 'Selaras' }, ['needsAlignment', 'feasibility', 'risk', 'recommendation']],
    ['all but the risk', { ...FULL, risk: undefined }, ['risk']],
    ['whitespace only', { visionAlignment: '   ', needsAlignment: '\n\t', feasibility: ' ', risk: '\u00a0', recommendation: '' }, [...ANALYSIS_FIELDS]],
    ['a blank risk beside written fields', { ...FULL, risk: '  \n ' }, ['risk']],
    ['a non-text value', { ...FULL, feasibility: 5, recommendation: null }, ['feasibility', 'recommendation']],
  ])('%s is refused, naming each missing field', (_, analysis, missing) => {
    expect(missingAnalysisFields(analysis as Record<string, unknown> | null | undefined)).toEqual(missing);
    const result = recommend(analysis as Record<string, unknown> | null | undefined);
    expect(result).toMatchObject({ ok: false, code: 'guard_failed' });
    if (result.ok) return;
    expect(result.fieldErrors).toEqual(
      missing.map((field) => ({
        path: ['analysis', field],
        message: `${upperFirst(ANALYSIS_FIELD_LABELS[field as AnalysisField].id)} wajib diisi (${upperFirst(ANALYSIS_FIELD_LABELS[field as AnalysisField].en)} is required)`,
      })),
    );
    expect(result.message).toContain(`belum diisi: ${missing.map((field) => ANALYSIS_FIELD_LABELS[field as AnalysisField].id).join(', ')} (`);
    expect(result.message).toContain(`not filled in yet: ${missing.map((field) => ANALYSIS_FIELD_LABELS[field as AnalysisField].en).join(', ')})`);
  });

  test('the field errors read as sentences', () => {
    const result = recommend({ ...FULL, risk: ' ' });
    expect(!result.ok && result.fieldErrors).toEqual([{ path: ['analysis', 'risk'], message: 'Risiko wajib diisi (Risk is required)' }]);
  });

  test('facts left out count as not written', () => {
    const result = checkTransition({ uid: PROPOSAL, from: 'under_review', to: 'recommended', actor: superAdmin, context: {} });
    expect(!result.ok && result.fieldErrors?.map((error) => error.path[1])).toEqual([...ANALYSIS_FIELDS]);
  });
});

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

describe('refusal messages', () => {
  test('no such transition lists where the record can go', () => {
    const result = checkTransition({ uid: PROPOSAL, from: 'draft', to: 'approved', actor: superAdmin });
    expect(result).toMatchObject({ ok: false, code: 'no_such_transition' });
    expect(!result.ok && result.message).toBe(
      'Usulan kerjasama tidak dapat dipindahkan dari "Draf" ke "Disetujui": ' +
        'dari status ini hanya dapat ke "Diajukan", "Ditarik" ' +
        '(The cooperation proposal cannot move from "Draft" to "Approved": ' +
        'from this state it can only go to "Submitted", "Withdrawn")',
    );
  });

  test('a final state says so', () => {
    const result = checkTransition({ uid: MINUTE, from: 'final', to: 'draft', actor: superAdmin });
    expect(!result.ok && result.message).toContain('status ini sudah final');
    expect(!result.ok && result.message).toContain('this state is final)');
  });

  test('a forbidden role is told who may', () => {
    const result = checkTransition({ uid: PROPOSAL, from: 'recommended', to: 'approved', actor: actor(['kapokja']) });
    expect(!result.ok && result.message).toContain('hanya dapat dilakukan oleh Direktur, Super Admin');
    expect(!result.ok && result.message).toContain('only Director, Super Admin may do this');
  });

  test.each([
    ['from', 'archived', 'submitted'],
    ['to', 'draft', 'archived'],
  ])('an unknown %s state', (_, from, to) => {
    const result = checkTransition({ uid: PROPOSAL, from, to, actor: superAdmin });
    expect(result).toMatchObject({ ok: false, code: 'unknown_state' });
    expect(!result.ok && result.message).toContain('Status "archived" tidak dikenal untuk usulan kerjasama');
  });

  test('an unknown workflow', () => {
    const result = checkTransition({ uid: 'api::kpi.kpi', from: 'a', to: 'b', actor: superAdmin });
    expect(result).toMatchObject({ ok: false, code: 'unknown_workflow' });
  });
});

describe('availableTransitions agrees with checkTransition', () => {
  const contexts: TransitionContext[] = [
    {},
    { ...ALL_GUARDS_MET, recordUnitId: 1 },
    { ...ALL_GUARDS_MET, recordUnitId: 2, programState: 'approved' },
    { missingAnalysisFields: ['feasibility'], itemStates: ['cancelled'], activeAgreementCount: 0, recordUnitId: 1, programState: 'submitted' },
  ];
  const actors: Actor[] = [
    ...ACTOR_ROLES.map((role) => actor([role], [1])),
    actor(['unit'], [2]),
    actor(['unit', 'direktur'], [1]),
  ];
  const cases = uids.flatMap((uid) => WORKFLOWS[uid].states.map((state) => [uid, state.name] as const));

  test.each(cases)('%s from %s', (uid, from) => {
    const targets = WORKFLOWS[uid].states.map((s) => s.name);
    for (const who of actors) {
      for (const context of contexts) {
        const available = availableTransitions({ uid, from, actor: who, context })
          .map((tr) => tr.to)
          .sort();
        const allowed = targets
          .filter((to) => checkTransition({ uid, from, to, actor: who, reason: 'alasan', context }).ok)
          .sort();
        expect(available).toEqual(allowed);
      }
    }
  });

  test('a Director looking at a recommended proposal may approve or reject', () => {
    const names = availableTransitions({ uid: PROPOSAL, from: 'recommended', actor: actor(['direktur']) }).map(
      (tr) => tr.name,
    );
    expect(names).toEqual(['reject', 'approve']);
  });

  test('an unknown workflow or state offers nothing', () => {
    expect(availableTransitions({ uid: 'api::kpi.kpi', from: 'draft', actor: superAdmin })).toEqual([]);
    expect(availableTransitions({ uid: PROPOSAL, from: 'archived', actor: superAdmin })).toEqual([]);
  });
});

describe('state helpers', () => {
  test.each([
    [PROGRAM, 'draft', false],
    [PROGRAM, 'submitted', true],
    [PROGRAM, 'approved', true],
    [PROGRAM, 'revision_opened', false],
    [PROGRAM, 'closed', true],
    [MINUTE, 'draft', false],
    [MINUTE, 'final', true],
    [REPORT, 'draft', false],
    [REPORT, 'final', true],
    [PROPOSAL, 'approved', false],
    [ITEM, 'done', false],
    [PARTNER, 'approved', false],
    [PROGRAM, null, false],
    ['api::kpi.kpi', 'final', false],
  ] as const)('isFrozen(%s, %s) is %s', (uid, state, frozen) => {
    expect(isFrozen(uid, state)).toBe(frozen);
  });

  test.each([
    ['draft', false],
    ['submitted', true],
    ['approved', true],
    ['revision_opened', false],
    ['closed', true],
  ])('isProgramItemFrozen(%s) is %s', (programState, frozen) => {
    expect(isProgramItemFrozen(programState)).toBe(frozen);
  });

  test.each([
    [PROPOSAL, ['approved', 'rejected', 'withdrawn']],
    [PROGRAM, ['closed']],
    [ITEM, ['done', 'cancelled']],
    [MINUTE, ['final']],
    [REPORT, ['final']],
    [PARTNER, []],
  ] as Array<[WorkflowUid, string[]]>)('terminal states of %s', (uid, terminal) => {
    const states = WORKFLOWS[uid].states.map((s) => s.name);
    expect(states.filter((state) => isTerminalState(uid, state))).toEqual(terminal);
  });

  test.each([
    [PROPOSAL, 'draft'],
    [PROGRAM, 'draft'],
    [ITEM, 'planned'],
    [MINUTE, 'draft'],
    [REPORT, 'draft'],
    [PARTNER, 'draft'],
  ])('initialState(%s) is %s', (uid, state) => {
    expect(isWorkflowType(uid)).toBe(true);
    expect(initialState(uid)).toBe(state);
  });

  test('a content type without a workflow', () => {
    expect(isWorkflowType('api::agreement.agreement')).toBe(false);
    expect(isWorkflowType('toString')).toBe(false);
    expect(() => initialState('api::agreement.agreement')).toThrow(RangeError);
  });
});

describe('isPartnerListed', () => {
  test.each([
    ['approved', 1, true],
    ['approved', 3, true],
    ['approved', 0, false],
    ['proposed', 1, false],
    ['withdrawn', 2, false],
    ['draft', 1, false],
    [null, 1, false],
  ] as const)('%s with %i active agreements: %s', (workflowState, activeAgreementCount, listed) => {
    expect(isPartnerListed({ workflowState, activeAgreementCount })).toBe(listed);
  });
});
