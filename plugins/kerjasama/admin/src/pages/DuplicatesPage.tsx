import { useCallback, useEffect, useState } from 'react';
import type { DuplicatePartnerGroup, MergeResult } from '@kerjasama/contracts/import';
import { Badge, Box, Button, Checkbox, Flex, Modal, Radio, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from '../planning/requests';
import { useT } from '../planning/ui';

interface Choice {
  keep: string;
  merge: string[];
}

/** Partners entered more than once, grouped; Humas picks the record to keep and merges the others into it. */
export const DuplicatesPage = () => {
  const { get, post } = useFetchClient();
  const { tr, number } = useT();
  const { toggleNotification } = useNotification();
  const [groups, setGroups] = useState<DuplicatePartnerGroup[] | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [confirming, setConfirming] = useState<{ group: DuplicatePartnerGroup; choice: Choice } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data } = await get<{ data: DuplicatePartnerGroup[] }>('/kerjasama/partners/duplicates');
    setGroups(data.data);
    // By default the partner with the most agreements is kept and the others merged into it.
    setChoices(Object.fromEntries(data.data.map((group, index) => {
      const keep = [...group.partners].sort((a, b) => b.agreements - a.agreements || b.proposals - a.proposals)[0].documentId;
      return [index, { keep, merge: group.partners.map((partner) => partner.documentId).filter((id) => id !== keep) }];
    })));
  }, [get]);

  useEffect(() => {
    load().catch((error) => {
      setFailure(errorMessage(error));
      setGroups([]);
    });
  }, [load]);

  const merge = async () => {
    if (!confirming) return;
    setBusy(true);
    try {
      const { data } = await post<{ data: MergeResult }>('/kerjasama/partners/merge', confirming.choice);
      toggleNotification({
        type: 'success',
        message: tr('duplicates.merged', '{count} mitra digabung ke {name}', '{count} partners merged into {name}', { count: data.data.merged.length, name: data.data.kept.name }),
      });
      setConfirming(null);
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const title = tr('duplicates.title', 'Mitra ganda', 'Duplicate partners');
  if (!groups) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={tr('duplicates.subtitle', 'Mitra yang tercatat lebih dari sekali, menurut nama (tanpa PT, Tbk, Universitas, tanda baca) dan negara', 'Partners recorded more than once, by name (without PT, Tbk, University, punctuation) and country')}
      />
      <Layouts.Content>
        {failure ? <Typography textColor="danger600">{failure}</Typography> : null}
        {groups.length === 0 ? (
          <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
            <Typography data-testid="duplicates-none">{tr('duplicates.none', 'Tidak ada mitra ganda.', 'No duplicate partners.')}</Typography>
          </Box>
        ) : null}
        {groups.map((group, index) => {
          const choice = choices[index];
          if (!choice) return null;
          const setChoice = (next: Choice) => setChoices((current) => ({ ...current, [index]: next }));
          return (
            <Box key={group.partners.map((partner) => partner.documentId).join()} background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4} data-testid="duplicate-group">
              <Flex gap={2} paddingBottom={3}>
                <Badge active={group.match === 'exact'}>
                  {group.match === 'exact' ? tr('duplicates.exact', 'Nama sama', 'Same name') : tr('duplicates.near', 'Nama mirip', 'Similar name')}
                </Badge>
                {group.match === 'near' ? <Typography variant="pi" textColor="neutral600">{tr('duplicates.similarity', 'Kemiripan {value}%', 'Similarity {value}%', { value: number(Math.round(group.similarity * 100)) })}</Typography> : null}
              </Flex>
              <Radio.Group
                value={choice.keep}
                onValueChange={(keep: string) => setChoice({ keep, merge: group.partners.map((partner) => partner.documentId).filter((id) => id !== keep) })}
                aria-label={tr('duplicates.keep', 'Dipertahankan', 'Kept')}
              >
                <Table colCount={7} rowCount={group.partners.length + 1}>
                  <Thead>
                    <Tr>
                      <Th><Typography variant="sigma">{tr('duplicates.keep', 'Dipertahankan', 'Kept')}</Typography></Th>
                      <Th><Typography variant="sigma">{tr('duplicates.mergeIt', 'Gabungkan', 'Merge')}</Typography></Th>
                      <Th><Typography variant="sigma">{tr('duplicates.name', 'Nama', 'Name')}</Typography></Th>
                      <Th><Typography variant="sigma">{tr('duplicates.place', 'Negara / kota', 'Country / city')}</Typography></Th>
                      <Th><Typography variant="sigma">{tr('duplicates.agreements', 'Naskah', 'Agreements')}</Typography></Th>
                      <Th><Typography variant="sigma">{tr('duplicates.proposals', 'Usulan', 'Proposals')}</Typography></Th>
                      <Th><Typography variant="sigma">{tr('duplicates.contacts', 'Kontak', 'Contacts')}</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {group.partners.map((partner) => (
                      <Tr key={partner.documentId}>
                        <Td><Radio.Item value={partner.documentId} aria-label={partner.name} /></Td>
                        <Td>
                          <Checkbox
                            aria-label={tr('duplicates.mergeName', 'Gabungkan {name}', 'Merge {name}', { name: partner.name })}
                            disabled={partner.documentId === choice.keep}
                            checked={choice.merge.includes(partner.documentId)}
                            onCheckedChange={(checked) => setChoice({
                              keep: choice.keep,
                              merge: checked === true ? [...choice.merge, partner.documentId] : choice.merge.filter((id) => id !== partner.documentId),
                            })}
                          />
                        </Td>
                        <Td><Typography fontWeight={partner.documentId === choice.keep ? 'bold' : undefined}>{partner.name}</Typography></Td>
                        <Td><Typography>{[partner.country, partner.city].filter(Boolean).join(' / ')}</Typography></Td>
                        <Td><Typography>{number(partner.agreements)}</Typography></Td>
                        <Td><Typography>{number(partner.proposals)}</Typography></Td>
                        <Td><Typography>{number(partner.contacts)}</Typography></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Radio.Group>
              <Flex paddingTop={3}>
                <Button disabled={choice.merge.length === 0} onClick={() => setConfirming({ group, choice })} data-testid="duplicate-merge">
                  {tr('duplicates.mergeButton', 'Gabungkan ke mitra yang dipertahankan', 'Merge into the kept partner')}
                </Button>
              </Flex>
            </Box>
          );
        })}
        {confirming ? (
          <Modal.Root open onOpenChange={(open: boolean) => (!open ? setConfirming(null) : undefined)}>
            <Modal.Content>
              <Modal.Header><Modal.Title>{tr('duplicates.confirmTitle', 'Gabungkan mitra?', 'Merge partners?')}</Modal.Title></Modal.Header>
              <Modal.Body>
                <Typography tag="p">
                  {tr('duplicates.confirmText', 'Naskah, usulan, butir program, laporan kegiatan, kontak dan riwayat dari {merged} pindah ke {kept}; mitra yang digabung dihapus. Penggabungan dicatat di log transisi.', 'Agreements, proposals, program items, activity reports, contacts and history of {merged} move to {kept}; the merged partners are deleted. The merge is recorded in the transition log.', {
                    merged: confirming.group.partners.filter((partner) => confirming.choice.merge.includes(partner.documentId)).map((partner) => partner.name).join(', '),
                    kept: confirming.group.partners.find((partner) => partner.documentId === confirming.choice.keep)?.name ?? '',
                  })}
                </Typography>
              </Modal.Body>
              <Modal.Footer>
                <Button variant="tertiary" onClick={() => setConfirming(null)}>{tr('workflow.cancel', 'Batal', 'Cancel')}</Button>
                <Button variant="danger" loading={busy} onClick={() => void merge()} data-testid="duplicate-confirm">{tr('duplicates.confirm', 'Ya, gabungkan', 'Yes, merge')}</Button>
              </Modal.Footer>
            </Modal.Content>
          </Modal.Root>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
