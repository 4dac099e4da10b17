import type { Core } from '@strapi/strapi';
import type { Actor } from '../../domain/roles';
import { fieldError, type FieldError } from '../../domain/validation';
import { throwFieldErrors } from '../../workflow/errors';
import { requestTransition } from '../../workflow/service';
import type { ProgramItemFromProposalInput, ProgramItemInput } from '../../contracts/schemas/planning';
import type { TransitionInput } from '../../contracts/schemas/workflow';
import { notFound, resolveReference, resolveReferences } from './lookups';
import { documentsOf, rowsOf, type ProposalRow, type Ref } from '../rows';
import type { ProgramView } from './program-view';
import { UIDS } from './schema';

/** The program's writes: create it, add and edit its items, move it through its workflow. */
export const createProgramItems = (strapi: Core.Strapi, { findProgram }: Pick<ProgramView, 'findProgram'>) => {
  const requireProgram = async (documentId: string) => {
    const program = await rowsOf<Ref & { year: number; workflowState: string }>(strapi, UIDS.program).findOne({ where: { documentId }, select: ['id', 'documentId', 'year', 'workflowState'] });
    if (!program) throw notFound({ id: 'Program kerjasama tidak ditemukan', en: 'Annual program not found' });
    return program;
  };

  /** Quarter, budget and expected output, each only when the request sends it (null clears). */
  const scheduleOf = ({ quarter, budget, expectedOutput }: Pick<ProgramItemInput, 'quarter' | 'budget' | 'expectedOutput'>) => ({
    ...(quarter !== undefined ? { quarter } : {}),
    ...(budget !== undefined ? { budget } : {}),
    ...(expectedOutput !== undefined ? { expectedOutput } : {}),
  });

  /**
   * The plan fields of a typed-in item (`partial`: an edit, which writes only the fields sent).
   * References are documentIds; an unknown one is a field error. Nothing is written here.
   */
  const readItemFields = async (input: ProgramItemInput, found: FieldError[], { partial }: { partial: boolean }) => {
    const sent = (field: keyof ProgramItemInput) => !partial || input[field] !== undefined;
    const data: Record<string, unknown> = {};
    if (input.title !== undefined) data.title = input.title;
    if (sent('partner')) data.partner = (await resolveReference(strapi, 'partner', input.partner, found))?.documentId ?? null;
    if (sent('cooperationType')) data.cooperationType = (await resolveReference(strapi, 'cooperationType', input.cooperationType, found))?.documentId ?? null;
    if (sent('units')) data.units = await resolveReferences(strapi, 'unit', input.units, found, 'units');
    if (sent('kpis')) data.kpis = await resolveReferences(strapi, 'kpi', input.kpis, found, 'kpis');
    return { ...data, ...scheduleOf(input) };
  };

  return {
    async create(year: number, title = `Program Kerjasama ${year}`) {
      if (await findProgram(year)) {
        throwFieldErrors([fieldError(['year'], { id: `Program kerjasama ${year} sudah ada`, en: `The ${year} annual program already exists` })]);
      }
      return documentsOf(strapi, UIDS.program).create({ year, title });
    },

    /** Adds an item: from an approved proposal, or typed in. The workflow refuses a locked program. */
    async addItem(programDocumentId: string, item: { fromProposal: ProgramItemFromProposalInput } | { typed: ProgramItemInput }) {
      const program = await requireProgram(programDocumentId);
      const found: FieldError[] = [];
      const data: Record<string, unknown> = { program: program.documentId };
      if ('fromProposal' in item) {
        const proposal = await resolveReference(strapi, 'proposal', item.fromProposal.proposal, found);
        if (proposal) {
          const full = (await rowsOf<ProposalRow>(strapi, UIDS.proposal).findOne({
            where: { id: proposal.id },
            populate: { partner: { select: ['documentId'] }, unit: { select: ['documentId'] }, cooperationTypes: { select: ['documentId'] }, kpis: { select: ['documentId'] } },
          }))!;
          if (full.workflowState !== 'approved') found.push(fieldError(['proposal'], { id: 'Hanya usulan yang disetujui dapat dimasukkan ke program', en: 'Only approved proposals can be added to the program' }));
          Object.assign(data, {
            title: full.title,
            proposal: full.documentId,
            partner: full.partner?.documentId ?? null,
            cooperationType: (full.cooperationTypes ?? [])[0]?.documentId ?? null,
            units: full.unit ? [full.unit.documentId] : [],
            kpis: (full.kpis ?? []).map((kpi) => kpi.documentId),
            expectedOutput: full.expectedBenefit ?? null,
          });
        }
        Object.assign(data, scheduleOf(item.fromProposal));
      } else {
        Object.assign(data, await readItemFields(item.typed, found, { partial: false }));
      }
      throwFieldErrors(found);
      return documentsOf(strapi, UIDS.programItem).create(data);
    },

    /**
     * Edits an item's plan fields in place (only the fields sent). Bad input is a 400 naming the
     * field before anything is written; the workflow's frozen rule refuses the write while the
     * program is submitted, approved or closed.
     */
    async updateItem(documentId: string, input: ProgramItemInput) {
      const existing = await rowsOf<Ref>(strapi, UIDS.programItem).findOne({ where: { documentId }, select: ['id', 'documentId'] });
      if (!existing) throw notFound({ id: 'Butir program tidak ditemukan', en: 'Program item not found' });
      const found: FieldError[] = [];
      const data = await readItemFields(input, found, { partial: true });
      throwFieldErrors(found);
      return documentsOf(strapi, UIDS.programItem).update(documentId, data);
    },

    /** Submit, approve, return, open a revision: the workflow rules decide, through requestTransition. */
    async transition(programDocumentId: string, body: TransitionInput, actor: Actor) {
      await requireProgram(programDocumentId);
      await requestTransition(strapi, { uid: UIDS.program, documentId: programDocumentId, actor, body });
    },

    programState: async (documentId: string) => (await requireProgram(documentId)).workflowState as string,

  };
};
