import { useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  Modal,
  MultiSelect,
  MultiSelectOption,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
} from '@strapi/design-system';
import type { ProgramChoices, ProgramItem } from '../planning/api';
import { useT } from '../planning/ui';

/** "None" in a single select (the select needs a value for it); sent to the server as null. */
const NONE = '__none__';
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

interface ItemDraft {
  title: string;
  partner: string;
  cooperationType: string;
  units: string[];
  kpis: string[];
  quarter: string;
  budget: number | undefined;
  expectedOutput: string;
}

const draftOf = (item: ProgramItem | null): ItemDraft => ({
  title: item?.title ?? '',
  partner: item?.partner?.documentId ?? '',
  cooperationType: item?.cooperationType?.documentId ?? NONE,
  units: item?.units.map((unit) => unit.documentId) ?? [],
  kpis: item?.kpis.map((kpi) => kpi.documentId) ?? [],
  quarter: item?.quarter ?? NONE,
  budget: item?.budget ?? undefined,
  expectedOutput: item?.expectedOutput ?? '',
});

/** The request body of POST …/items and PUT …/items/:documentId: documentIds, null for none. */
export type ItemBody = ReturnType<typeof bodyOf>;
const bodyOf = (draft: ItemDraft) => ({
  title: draft.title,
  partner: draft.partner || null,
  cooperationType: draft.cooperationType === NONE ? null : draft.cooperationType,
  units: draft.units,
  kpis: draft.kpis,
  quarter: draft.quarter === NONE ? null : draft.quarter,
  budget: draft.budget ?? null,
  expectedOutput: draft.expectedOutput || null,
});

const Labelled = ({ name, label, error, children }: { name: string; label: string; error?: string; children: ReactNode }) => (
  <Field.Root name={name} error={error}>
    <Field.Label>{label}</Field.Label>
    {children}
    <Field.Error />
  </Field.Root>
);

/**
 * The one form of a program item, to add one (`item` null) or to edit one in place: title,
 * partner, cooperation type, units, KPIs, quarter, budget, expected output. `onSave` answers the
 * refused fields (400) to show beside them, or null when saved.
 */
export const ProgramItemDialog = ({ item, choices, onSave, onClose }: {
  item: ProgramItem | null;
  choices: ProgramChoices;
  onSave: (body: ItemBody) => Promise<Record<string, string> | null>;
  onClose: () => void;
}) => {
  const { tr, pick, locale } = useT();
  const [draft, setDraft] = useState(() => draftOf(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ItemDraft>(field: K, value: ItemDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));
  const english = locale.startsWith('en');

  // An item may name a unit that is no longer active (not among the choices): keep it offered.
  const unitOptions = [
    ...choices.units.map((unit) => ({ documentId: unit.documentId, label: `${unit.path} · ${(english && unit.nameEn) || unit.name}` })),
    ...(item?.units ?? []).filter((unit) => !choices.units.some((choice) => choice.documentId === unit.documentId)).map((unit) => ({ documentId: unit.documentId, label: `${unit.code} · ${unit.name}` })),
  ];

  const save = async () => {
    setSaving(true);
    const refused = await onSave(bodyOf(draft));
    setSaving(false);
    if (refused) setErrors(refused);
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => (!open ? onClose() : undefined)}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{item ? tr('program.editItem', 'Ubah butir program', 'Edit program item') : tr('program.addItem', 'Tambah butir', 'Add item')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" gap={4} alignItems="stretch" data-testid="item-form">
            <Labelled name="title" label={tr('program.item', 'Kegiatan', 'Activity')} error={errors.title}>
              <TextInput value={draft.title} onChange={(event: React.ChangeEvent<HTMLInputElement>) => set('title', event.target.value)} />
            </Labelled>
            <Labelled name="partner" label={tr('program.partner', 'Mitra', 'Partner')} error={errors.partner}>
              <Combobox
                value={draft.partner || undefined}
                onChange={(value) => set('partner', value ?? '')}
                onClear={() => set('partner', '')}
                // A partner is found by any part of its name ("Galangan" finds "PT Galangan Kapal ...").
                autocomplete={{ type: 'list', filter: 'contains' }}
                placeholder={tr('program.noPartner', 'Belum ada mitra', 'No partner yet')}
                noOptionsMessage={() => tr('program.noMatch', 'Tidak ada yang cocok', 'Nothing matches')}
              >
                {choices.partners.map((partner) => <ComboboxOption key={partner.documentId} value={partner.documentId}>{partner.name}</ComboboxOption>)}
              </Combobox>
            </Labelled>
            <Labelled name="cooperationType" label={tr('targets.type', 'Jenis kerjasama', 'Cooperation type')} error={errors.cooperationType}>
              <SingleSelect value={draft.cooperationType} onChange={(value) => set('cooperationType', String(value))}>
                <SingleSelectOption value={NONE}>{tr('program.noneOption', '—', '—')}</SingleSelectOption>
                {choices.cooperationTypes.map((type) => (
                  <SingleSelectOption key={type.documentId} value={type.documentId}>{`${type.code} · ${(english && type.nameEn) || type.name}`}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Labelled>
            <Labelled name="units" label={tr('program.units', 'Unit', 'Units')} error={errors.units}>
              <MultiSelect value={draft.units} onChange={(value) => set('units', value)} withTags onClear={() => set('units', [])}
                placeholder={tr('program.chooseUnits', 'Pilih unit', 'Choose units')}>
                {unitOptions.map((unit) => <MultiSelectOption key={unit.documentId} value={unit.documentId}>{unit.label}</MultiSelectOption>)}
              </MultiSelect>
            </Labelled>
            <Labelled name="kpis" label={tr('program.kpis', 'Kode KPI', 'KPI codes')} error={errors.kpis}>
              <MultiSelect value={draft.kpis} onChange={(value) => set('kpis', value)} withTags onClear={() => set('kpis', [])}
                placeholder={tr('program.chooseKpis', 'Pilih KPI', 'Choose KPIs')}>
                {choices.kpis.map((kpi) => (
                  <MultiSelectOption key={kpi.documentId} value={kpi.documentId}>{`${kpi.code} · ${pick({ id: kpi.statement, en: kpi.statementEn ?? kpi.statement })}`}</MultiSelectOption>
                ))}
              </MultiSelect>
            </Labelled>
            <Flex gap={4} alignItems="flex-start">
              <Box minWidth="10rem">
                <Labelled name="quarter" label={tr('program.quarter', 'Triwulan', 'Quarter')} error={errors.quarter}>
                  <SingleSelect value={draft.quarter} onChange={(value) => set('quarter', String(value))}>
                    <SingleSelectOption value={NONE}>{tr('program.noneOption', '—', '—')}</SingleSelectOption>
                    {QUARTERS.map((quarter) => <SingleSelectOption key={quarter} value={quarter}>{quarter}</SingleSelectOption>)}
                  </SingleSelect>
                </Labelled>
              </Box>
              <Labelled name="budget" label={tr('program.budgetRupiah', 'Anggaran (Rp)', 'Budget (IDR)')} error={errors.budget}>
                <NumberInput value={draft.budget} onValueChange={(value) => set('budget', value)} step={1} />
              </Labelled>
            </Flex>
            <Labelled name="expectedOutput" label={tr('program.output', 'Luaran', 'Expected output')} error={errors.expectedOutput}>
              <Textarea value={draft.expectedOutput} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set('expectedOutput', event.target.value)} />
            </Labelled>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose}>{tr('workflow.cancel', 'Batal', 'Cancel')}</Button>
          <Button loading={saving} disabled={!draft.title.trim()} onClick={save} data-testid="item-save">{tr('save', 'Simpan', 'Save')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
