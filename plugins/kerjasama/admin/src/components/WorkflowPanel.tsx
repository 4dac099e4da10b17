import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { refreshDocument } from '../adminApp';
import { WORKFLOW_UIDS, workflowPath, type WorkflowDescription, type WorkflowTransitionOption } from '../api';
import { t } from '../pluginId';
import { useT } from '../planning/ui';

/**
 * `version` changes whenever the Content Manager saved the record (its updatedAt): the panel
 * asks the server again, so a move that the save made possible (Recommend once the analysis is
 * written) appears without a reload.
 */
const WorkflowPanelContent = ({ uid, documentId, version }: { uid: string; documentId: string; version?: string }) => {
  const { get, post } = useFetchClient();
  const { formatMessage, locale } = useIntl();
  const { pick } = useT();
  const stateLabel = (description: WorkflowDescription, state: string) => pick(description.states.find((s) => s.name === state)?.labels, state);
  const { toggleNotification } = useNotification();
  const [description, setDescription] = useState<WorkflowDescription | null>(null);
  const [chosen, setChosen] = useState<WorkflowTransitionOption | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const { data } = await get<{ data: WorkflowDescription }>(workflowPath(uid, documentId));
    setDescription(data.data);
  }, [get, uid, documentId]);

  useEffect(() => {
    load().catch(() => setDescription(null));
  }, [load, version]);

  if (!description) return null;

  const fire = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await post(`${workflowPath(uid, documentId)}/transitions`, { to: chosen.to, reason: reason || undefined, from: description.state });
      toggleNotification({ type: 'success', message: formatMessage({ id: t('workflow.done'), defaultMessage: 'State changed' }) });
      // In place: the panel asks again, and the edit form fetches the record's new state.
      setChosen(null);
      setReason('');
      refreshDocument(uid, documentId);
      await load();
    } catch (error) {
      const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ?? String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: t('workflow.state'), defaultMessage: 'Current state' })}
        </Typography>
        <Badge data-testid="workflow-state">{pick(description.stateLabels, description.state)}</Badge>
      </Flex>

      {description.available.length === 0 && !description.blocked?.length ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('workflow.noActions'), defaultMessage: 'There is nothing you can do in this state' })}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {description.available.map((option) => (
            <Button
              key={`${option.name}-${option.to}`}
              variant={option.to === 'rejected' || option.name.startsWith('withdraw') || option.name === 'cancel' ? 'danger-light' : 'secondary'}
              fullWidth
              onClick={() => {
                setChosen(option);
                setReason('');
              }}
            >
              {pick(option.labels, option.name)}
            </Button>
          ))}
        </Flex>
      )}

      {description.blocked?.length ? (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid="workflow-blocked">
          {description.blocked.map((option) => (
            <Box key={`${option.name}-${option.to}`} padding={2} background="neutral100" hasRadius>
              <Button variant="secondary" fullWidth disabled>{pick(option.labels, option.name)}</Button>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {`${formatMessage({ id: t('workflow.needs'), defaultMessage: 'Belum dapat dilakukan' })}: ${pick(option.needs)}`}
                {option.missing.length ? ` (${option.missing.map((field) => pick(field)).join(', ')})` : ''}
              </Typography>
            </Box>
          ))}
        </Flex>
      ) : null}

      {chosen && (
        <Box padding={3} background="neutral100" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography fontWeight="bold">{pick(chosen.labels, chosen.name)}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: t('workflow.confirmMove'), defaultMessage: 'Status berpindah dari {from} ke {to}.' },
                { from: stateLabel(description, description.state), to: stateLabel(description, chosen.to) },
              )}
            </Typography>
            <Textarea
              name="reason"
              aria-label={formatMessage({ id: t('workflow.reason'), defaultMessage: 'Reason' })}
              placeholder={formatMessage({ id: t('workflow.reason'), defaultMessage: 'Reason' })}
              value={reason}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)}
            />
            {chosen.reasonRequired && (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: t('workflow.reasonRequired'), defaultMessage: 'A reason is required for this action' })}
              </Typography>
            )}
            <Flex gap={2}>
              <Button onClick={fire} loading={busy} disabled={chosen.reasonRequired && !reason.trim()}>
                {formatMessage({ id: t('workflow.confirm'), defaultMessage: 'Confirm' })}
              </Button>
              <Button variant="tertiary" onClick={() => setChosen(null)}>
                {formatMessage({ id: t('workflow.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Flex>
          </Flex>
        </Box>
      )}

      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: t('workflow.history'), defaultMessage: 'History' })}
      </Typography>
      {description.history.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('workflow.noHistory'), defaultMessage: 'No transitions yet' })}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ol">
          {description.history.map((entry, index) => (
            <Box key={index} tag="li">
              <Typography variant="pi">
                {new Date(entry.occurredAt).toLocaleString(locale)} — {stateLabel(description, entry.fromState)} → {stateLabel(description, entry.toState)}{' '}
                {formatMessage({ id: t('workflow.by'), defaultMessage: 'by' })} {entry.actorName ?? entry.role}
              </Typography>
              {entry.reason && (
                <Typography variant="pi" textColor="neutral600" tag="p">
                  “{entry.reason}”
                </Typography>
              )}
            </Box>
          ))}
        </Flex>
      )}
    </Flex>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string | null } | null;
}

/** Side panel of the Content Manager edit view: state, history, the moves this user may make and those that wait. */
export const WorkflowPanel = ({ model, documentId, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (!WORKFLOW_UIDS.includes(model) || !documentId || documentId === 'create') return null;
  return {
    title: formatMessage({ id: t('workflow.title'), defaultMessage: 'Workflow' }),
    content: <WorkflowPanelContent uid={model} documentId={documentId} version={document?.updatedAt ?? undefined} />,
  };
};
WorkflowPanel.type = 'kerjasama-workflow';
