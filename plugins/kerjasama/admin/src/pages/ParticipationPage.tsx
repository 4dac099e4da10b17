import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useT } from '../planning/ui';

interface Call {
  documentId: string;
  year: number;
  deadline: string;
  sentAt: string | null;
}
interface Unit {
  documentId: string;
  code: string;
  name: string;
}

const CM = '/content-manager/collection-types';

/** Humas sends a call for proposals to the units and creates unit accounts (with an invitation e-mail). */
export const ParticipationPage = () => {
  const { get, post } = useFetchClient();
  const { tr, locale } = useT();
  const { toggleNotification } = useNotification();
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [email, setEmail] = useState('');
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [callResponse, unitResponse] = await Promise.all([
      get<{ results: Call[] }>(`${CM}/api::call-for-proposal.call-for-proposal?page=1&pageSize=50&sort=deadline:DESC`),
      get<{ results: Unit[] }>(`${CM}/api::unit.unit?page=1&pageSize=100&sort=code:ASC`),
    ]);
    setCalls(callResponse.data.results);
    setUnits(unitResponse.data.results);
  }, [get]);

  useEffect(() => {
    load().catch(() => setCalls([]));
  }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: done });
      await load();
    } catch (error) {
      const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ?? String(error) });
    } finally {
      setBusy(false);
    }
  };

  if (!calls) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{tr('nav.participation', 'Partisipasi unit', 'Unit participation')}</Page.Title>
      <Layouts.Header title={tr('nav.participation', 'Partisipasi unit', 'Unit participation')} subtitle={tr('participation.subtitle', 'Undangan usulan dan akun unit', 'Calls for proposals and unit accounts')} />
      <Layouts.Content>
        <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius marginBottom={4}>
          <Typography variant="delta" tag="h2">{tr('participation.calls', 'Undangan usulan kerjasama', 'Calls for proposals')}</Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {tr('participation.callsHelp', 'Buat undangan di Content Manager, lalu kirim ke unit di sini.', 'Create a call in the Content Manager, then send it to the units here.')}
          </Typography>
          <Table colCount={4} rowCount={calls.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{tr('year', 'Tahun', 'Year')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('participation.deadline', 'Batas waktu', 'Deadline')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('participation.sent', 'Dikirim', 'Sent')}</Typography></Th>
                <Th><Typography variant="sigma">{tr('participation.action', 'Tindakan', 'Action')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {calls.map((call) => (
                <Tr key={call.documentId}>
                  <Td><Typography>{call.year}</Typography></Td>
                  <Td><Typography>{call.deadline}</Typography></Td>
                  <Td><Typography>{call.sentAt ? new Date(call.sentAt).toLocaleString(locale) : '—'}</Typography></Td>
                  <Td>
                    <Button
                      size="S"
                      variant="secondary"
                      disabled={busy}
                      onClick={() => act(() => post(`/kerjasama/calls/${call.documentId}/send`, { resend: Boolean(call.sentAt) }), tr('participation.callSent', 'Undangan dikirim', 'Call sent'))}
                    >
                      {call.sentAt ? tr('participation.sendAgain', 'Kirim ulang', 'Send again') : tr('participation.send', 'Kirim ke unit', 'Send to units')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>

        <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
          <Typography variant="delta" tag="h2">{tr('participation.newAccount', 'Akun unit baru', 'New unit account')}</Typography>
          <Flex gap={4} alignItems="flex-end" paddingTop={3} wrap="wrap">
            <Field.Root name="email">
              <Field.Label>{tr('participation.email', 'Surel', 'E-mail')}</Field.Label>
              <TextInput type="email" value={email} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEmail(event.target.value)} />
            </Field.Root>
            <Box minWidth="18rem">
              <Field.Root name="unit">
                <Field.Label>{tr('participation.unit', 'Unit', 'Unit')}</Field.Label>
                <SingleSelect value={unit} onChange={(value) => setUnit(String(value))}>
                  {units.map((option) => (
                    <SingleSelectOption key={option.documentId} value={option.documentId}>{`${option.code} — ${option.name}`}</SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Button
              disabled={busy || !email || !unit}
              onClick={() =>
                act(async () => {
                  await post('/kerjasama/unit-accounts', { email, unit });
                  setEmail('');
                }, tr('participation.accountCreated', 'Akun dibuat; tautan atur kata sandi dikirim', 'Account created; a set-password link was sent'))
              }
            >
              {tr('participation.createAccount', 'Buat akun dan kirim undangan', 'Create the account and send the invitation')}
            </Button>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
