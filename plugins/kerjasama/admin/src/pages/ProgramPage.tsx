import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Field, Flex, IconButton, Link, Modal, Table, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { IssuedDocuments } from '../components/IssuedDocumentsPanel';
import { ProgramItemDialog, type ItemBody } from '../components/ProgramItemDialog';
import { contentManagerEntry, type ProgramChoices, type ProgramItem, type ProgramView } from '../planning/api';
import { errorMessage, fieldErrors } from '../planning/requests';
import { LABELS, PlanningPage, Section, useT, usePlanningRights, useYear } from '../planning/ui';
import { annualProgramWorkflow, workflowLists } from '@kerjasama/domain/workflow';

const PROGRAM = annualProgramWorkflow.uid;
/** The states in which the plan may be edited: the program's workflow spec says (not frozen). */
const EDITABLE = workflowLists(PROGRAM).editableStates;
/** Moves that are the Director's (approve or return); every other move is the planner's. */
const APPROVER_MOVES = new Set(['approve', 'return']);
/** The program as approved is printed (FO.28.1.1) while approved, and after it is closed. */
const PRINTABLE = ['approved', 'closed'];
const DOCUMENT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;

type Move = NonNullable<ProgramView['workflow']>['available'][number];

const ProgramPage = () => {
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { tr, pick, locale } = useT();
  const rights = usePlanningRights();
  const [year] = useYear();
  const [view, setView] = useState<ProgramView | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  // The item form: null = closed, 'new' = adding, an item = editing it in place.
  const [itemForm, setItemForm] = useState<ProgramItem | 'new' | null>(null);
  const [choices, setChoices] = useState<ProgramChoices | null>(null);

  const load = useCallback(() => get<{ data: ProgramView }>(`/kerjasama/program?year=${year}`).then(({ data }) => setView(data.data)), [get, year]);
  useEffect(() => {
    setView(null);
    load();
  }, [load]);

  /** Does the work, says so and reloads; a refusal is shown, and handed to `refused` (a form marks its fields). */
  const run = async <T,>(work: () => Promise<T>, done: string | ((result: T) => string), refused?: (error: unknown) => void) => {
    try {
      const result = await work();
      toggleNotification({ type: 'success', message: typeof done === 'function' ? done(result) : done });
      await load();
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      refused?.(error);
      return false;
    }
  };

  const program = view?.program ?? null;
  const editable = Boolean(program && EDITABLE.includes(program.workflowState) && rights.canManageProgram);
  const allowedMoves = (view?.workflow?.available ?? []).filter((candidate) =>
    APPROVER_MOVES.has(candidate.name) ? rights.canApproveProgram : candidate.name === 'open_revision' ? rights.canManageProgram || rights.canApproveProgram : rights.canManageProgram,
  );

  // The form's choices (partners, types, units, KPIs) are loaded once, ahead, for those who may
  // edit. A failed load is tried again when the form is next asked for: one transient error must
  // not leave the form out of reach until a reload.
  const [choicesAttempt, setChoicesAttempt] = useState(0);
  const [choicesFailed, setChoicesFailed] = useState(false);
  useEffect(() => {
    if (!editable || choices) return;
    setChoicesFailed(false);
    get<{ data: ProgramChoices }>('/kerjasama/program/choices').then(({ data }) => setChoices(data.data)).catch((error) => {
      setChoicesFailed(true);
      setItemForm(null);
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    });
  }, [editable, choices, choicesAttempt, get, toggleNotification]);
  const openItemForm = (form: ProgramItem | 'new') => {
    if (choicesFailed) setChoicesAttempt((attempt) => attempt + 1);
    setItemForm(form);
  };
  /** The form was asked for and waits for its choices. */
  const formWaiting = itemForm !== null && !choices && !choicesFailed;

  const saveItem = async (body: ItemBody) => {
    const editing = itemForm !== 'new' ? itemForm : null;
    let refused: Record<string, string> | null = null;
    const saved = await run(
      () => (editing ? put(`/kerjasama/program/items/${editing.documentId}`, body) : post(`/kerjasama/program/${program!.documentId}/items`, body)),
      editing ? tr('program.itemSaved', 'Butir disimpan', 'Item saved') : tr('program.itemAdded', 'Butir ditambahkan', 'Item added'),
      (error) => {
        refused = fieldErrors(error);
      },
    );
    if (saved) setItemForm(null);
    return refused;
  };

  const startFromLastYear = () =>
    run(
      () => post<{ data: { itemsCarried: number; itemsAlreadyCarried: number; targetsCarried: number } }>('/kerjasama/program/start-from-last-year', { year }),
      ({ data }) => tr('program.started', '{items} butir dan {targets} target dibawa dari tahun lalu ({already} butir sudah dibawa sebelumnya)', "{items} items and {targets} targets brought in from last year ({already} items were already brought in)", {
        items: data.data.itemsCarried, targets: data.data.targetsCarried, already: data.data.itemsAlreadyCarried,
      }),
    );

  const fire = async (chosen: Move, reason?: string) => {
    const ok = await run(
      () => post(`/kerjasama/program/${program!.documentId}/transitions`, { to: chosen.to, reason, from: program!.workflowState }),
      tr('workflow.done', 'Status diubah', 'State changed'),
    );
    if (ok) setMove(null);
  };

  const itemState = (state: string) => pick(LABELS.itemState[state as keyof typeof LABELS.itemState], state);

  return (
    <PlanningPage
      titleKey="program.title" title="Program kerjasama tahunan" titleEn="Annual cooperation program"
      actions={rights.canManageProgram && view && (!program || EDITABLE.includes(program.workflowState)) ? (
        <Button variant="secondary" onClick={startFromLastYear}>
          {tr('program.fromLastYear', 'Mulai dari tahun lalu', 'Start from last year')}
        </Button>
      ) : null}
    >
      {!view ? <Page.Loading /> : (
        <>
          {!program ? (
            <Section title={tr('program.none', 'Belum ada program untuk tahun ini', 'No program for this year yet')}>
              {rights.canManageProgram ? (
                <Button onClick={() => run(() => post('/kerjasama/program', { year }), tr('program.created', 'Program dibuat', 'Program created'))}>
                  {tr('program.create', 'Buat program', 'Create the program')}
                </Button>
              ) : null}
            </Section>
          ) : (
            <Section title={program.title} testId="program-header">
              <Flex gap={3} wrap="wrap" alignItems="center">
                <Badge data-testid="program-state">{pick(view.workflow?.stateLabels, program.workflowState)}</Badge>
                {program.revisionNumber ? <Typography>{`${tr('program.revision', 'Revisi', 'Revision')} ${program.revisionNumber}`}</Typography> : null}
                <Link tag={RouterLink} to={contentManagerEntry(PROGRAM, program.documentId)}>{tr('program.open', 'Buka di Content Manager', 'Open in the Content Manager')}</Link>
                {allowedMoves.map((candidate) => (
                  <Button key={candidate.name} variant={APPROVER_MOVES.has(candidate.name) && candidate.name === 'approve' ? 'success' : 'secondary'} data-testid={`move-${candidate.name}`}
                    onClick={() => setMove(candidate)}>
                    {pick(candidate.labels, candidate.name)}
                  </Button>
                ))}
              </Flex>
              {program.approvedAt ? (
                <Box paddingTop={3} data-testid="approval-record">
                  <Typography>
                    {`${tr('program.approvedBy', 'Disetujui oleh', 'Approved by')} ${program.approvedBy ?? '—'} · ${new Date(program.approvedAt).toLocaleString(locale)}`}
                  </Typography>
                </Box>
              ) : null}
              {program.workflowState === 'approved' || program.workflowState === 'closed' ? (
                <Typography variant="pi" textColor="neutral600">{tr('program.readOnly', 'Versi yang disetujui hanya dapat dibaca; perubahan melalui revisi dengan alasan.', 'The approved version is read-only; changes go through a revision with a reason.')}</Typography>
              ) : null}
              {program.summary ? <Box paddingTop={3}><Typography style={{ whiteSpace: 'pre-wrap' }}>{program.summary}</Typography></Box> : null}
            </Section>
          )}

          {program ? (
            <Section title={tr('program.items', 'Butir program', 'Program items')} testId="program-items">
              <Table colCount={8} rowCount={view.items.length + 1}>
                <Thead><Tr>
                  {[['program.item', 'Kegiatan', 'Activity'], ['program.partner', 'Mitra', 'Partner'], ['targets.type', 'Jenis kerjasama', 'Cooperation type'], ['program.units', 'Unit', 'Units'],
                    ['program.quarter', 'Triwulan', 'Quarter'], ['program.budget', 'Anggaran', 'Budget'], ['program.output', 'Luaran', 'Expected output'], ['program.state', 'Status', 'State']].map(([key, id, en]) => (
                    <Th key={key}><Typography variant="sigma">{tr(key, id, en)}</Typography></Th>
                  ))}
                </Tr></Thead>
                <Tbody>
                  {view.items.map((item) => (
                    <Tr key={item.documentId} data-testid={`item-row-${item.documentId}`}>
                      <Td>
                        <Flex gap={1} alignItems="center">
                          {/* Edited in place while the program is open to changes; read-only once submitted. */}
                          {editable ? (
                            <IconButton label={tr('program.editItem', 'Ubah butir program', 'Edit program item')} variant="ghost" disabled={formWaiting} onClick={() => openItemForm(item)} data-testid="item-edit">
                              <Pencil />
                            </IconButton>
                          ) : null}
                          <Box>
                            <Link tag={RouterLink} to={contentManagerEntry('api::program-item.program-item', item.documentId)} data-testid="item-title">{item.title}</Link>
                            {item.kpis.length ? <Typography variant="pi" textColor="neutral600">{` · ${item.kpis.map((kpi) => kpi.code).join(', ')}`}</Typography> : null}
                          </Box>
                        </Flex>
                      </Td>
                      <Td><Typography>{item.partner?.name ?? '—'}</Typography></Td>
                      <Td><Typography>{item.cooperationType?.code ?? '—'}</Typography></Td>
                      <Td><Typography>{item.units.map((unit) => unit.code).join(', ') || '—'}</Typography></Td>
                      <Td><Typography>{item.quarter ?? '—'}</Typography></Td>
                      <Td><Typography>{item.budget === null ? '—' : item.budget.toLocaleString('id-ID')}</Typography></Td>
                      <Td><Typography>{item.expectedOutput ?? '—'}</Typography></Td>
                      <Td><Typography>{itemState(item.workflowState)}</Typography></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              {editable ? (
                <Box paddingTop={4}>
                  <Button loading={formWaiting} onClick={() => openItemForm('new')} data-testid="item-add">{tr('program.addItem', 'Tambah butir', 'Add item')}</Button>
                </Box>
              ) : null}
            </Section>
          ) : null}

          {program && view.waitingProposals.length > 0 ? (
            <Section title={tr('program.waiting', 'Usulan disetujui yang belum masuk program', 'Approved proposals not yet in a program')} testId="program-waiting">
              {view.waitingProposals.map((proposal) => (
                <Flex key={proposal.documentId} gap={3} paddingBottom={2}>
                  <Link tag={RouterLink} to={contentManagerEntry('api::proposal.proposal', proposal.documentId)}>{proposal.title}</Link>
                  <Typography textColor="neutral600">{[proposal.partner, proposal.unit, proposal.cooperationTypes.join(', ')].filter(Boolean).join(' · ')}</Typography>
                  {editable ? (
                    <Button size="S" variant="secondary" onClick={() => run(() => post(`/kerjasama/program/${program.documentId}/items`, { proposal: proposal.documentId }), tr('program.itemAdded', 'Butir ditambahkan', 'Item added'))}>
                      {tr('program.addProposal', 'Jadikan butir', 'Add as item')}
                    </Button>
                  ) : null}
                </Flex>
              ))}
            </Section>
          ) : null}

          <Section title={tr('program.coverage', 'Pemeriksaan cakupan', 'Coverage check')} testId="program-coverage">
            <Typography variant="omega" fontWeight="bold">{tr('program.uncoveredNeeds', 'Kebutuhan prioritas tinggi tanpa butir program', 'High-priority needs no item serves')}</Typography>
            {view.coverage.needs.length === 0 ? <Typography tag="p" textColor="success600">{tr('program.allCovered', 'Semua terlayani', 'All served')}</Typography> : (
              <ul>{view.coverage.needs.map((need) => <li key={`${need.unit.code}-${need.cooperationType.code}`}><Typography>{`${need.unit.code} · ${need.unit.name} × ${need.cooperationType.code}`}</Typography></li>)}</ul>
            )}
            <Box paddingTop={3}><Typography variant="omega" fontWeight="bold">{tr('program.uncoveredTargets', 'Target tanpa butir program', 'Targets no item serves')}</Typography></Box>
            {view.coverage.targets.length === 0 ? <Typography tag="p" textColor="success600">{tr('program.allCovered', 'Semua terlayani', 'All served')}</Typography> : (
              <ul>{view.coverage.targets.map((target) => <li key={target.documentId}><Typography>{`${target.unit?.code ?? tr('targets.institution', 'Institusi (semua unit)', 'Institution (all units)')} · ${target.cooperationType?.code ?? ''} ${target.partnerLevel ?? ''} · ${target.metric} ${target.targetValue}`}</Typography></li>)}</ul>
            )}
          </Section>

          {program?.approvedSnapshot?.items && program.workflowState !== 'approved' ? (
            <Section title={tr('program.approvedVersion', 'Versi terakhir yang disetujui', 'Last approved version')} testId="program-snapshot">
              <ul>{program.approvedSnapshot.items.map((item, index) => <li key={index}><Typography>{`${item.title} · ${item.partner ?? '—'} · ${item.cooperationType ?? '—'} · ${item.quarter ?? ''}`}</Typography></li>)}</ul>
            </Section>
          ) : null}

          {program ? (
            <Section title={tr('program.document', 'Dokumen program disetujui (FO.28.1.1)', 'Approved program document (FO.28.1.1)')} testId="program-document">
              {PRINTABLE.includes(program.workflowState) ? null : (
                <Typography variant="pi" textColor="neutral600">{tr('program.documentWaits', 'Dokumen dapat dicetak setelah program disetujui Direktur.', 'The document can be printed once the Director approves the program.')}</Typography>
              )}
              <Box maxWidth="24rem">
                <IssuedDocuments recordDocumentId={program.documentId} formCode="FO.28.1.1" formats={DOCUMENT_FORMATS} draftName={`program-${year}-draf`}
                  printable={PRINTABLE.includes(program.workflowState)} previewUrl={(format) => `/kerjasama/program/export?year=${year}&format=${format}`}
                  issueUrl="/kerjasama/program/issue" issueBody={{ year }} />
              </Box>
            </Section>
          ) : null}

          {view.workflow && view.workflow.history.length > 0 ? (
            <Section title={tr('workflow.history', 'Riwayat', 'History')}>
              {view.workflow.history.map((entry, index) => (
                <Typography key={index} tag="p">{`${new Date(entry.occurredAt).toLocaleString(locale)} · ${entry.fromState} → ${entry.toState} · ${entry.actorName ?? ''}${entry.reason ? ` · ${entry.reason}` : ''}`}</Typography>
              ))}
            </Section>
          ) : null}
        </>
      )}
      {itemForm && choices && editable ? (
        <ProgramItemDialog item={itemForm === 'new' ? null : itemForm} choices={choices} onSave={saveItem} onClose={() => setItemForm(null)} />
      ) : null}
      {move && program ? (
        <ReasonDialog move={move} from={pick(view?.workflow?.stateLabels, program.workflowState)} to={pick(annualProgramWorkflow.states.find((state) => state.name === move.to)?.labels, move.to)}
          onClose={() => setMove(null)} onConfirm={(reason) => fire(move, reason || undefined)} />
      ) : null}
    </PlanningPage>
  );
};

/** Every move of the program asks first (Submit and Approve cannot be undone by the one who makes them); a reason when the move needs one. */
const ReasonDialog = ({ move, from, to, onClose, onConfirm }: { move: Move; from: string; to: string; onClose: () => void; onConfirm: (reason: string) => void }) => {
  const { tr, pick } = useT();
  const [reason, setReason] = useState('');
  return (
    <Modal.Root open onOpenChange={(open: boolean) => (!open ? onClose() : undefined)}>
      <Modal.Content>
        <Modal.Header><Modal.Title>{pick(move.labels, move.name)}</Modal.Title></Modal.Header>
        <Modal.Body>
          <Typography tag="p" data-testid="move-confirmation">
            {tr('program.confirmMove', 'Program berpindah dari {from} ke {to}. Tindakan ini tidak dapat dibatalkan sendiri.', 'The program moves from {from} to {to}. You cannot undo this yourself.', { from, to })}
          </Typography>
          {move.reasonRequired ? (
            <Box paddingTop={4}>
              <Field.Root name="reason" required hint={tr('workflow.reasonRequired', 'Alasan wajib diisi untuk tindakan ini', 'A reason is required for this action')}>
                <Field.Label>{tr('workflow.reason', 'Alasan', 'Reason')}</Field.Label>
                <Textarea value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
                <Field.Hint />
              </Field.Root>
            </Box>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>{tr('workflow.cancel', 'Batal', 'Cancel')}</Button>
          <Button data-testid="move-confirm" disabled={move.reasonRequired && !reason.trim()} onClick={() => onConfirm(reason)}>{tr('workflow.confirm', 'Lakukan', 'Confirm')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

export { ProgramPage };
