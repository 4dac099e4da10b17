import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { WORKFLOW_UIDS, workflowPath, type WorkflowDescription, type WorkflowTransitionOption } from '../api';
import { bilingual } from '../bilingual';
import { t } from '../pluginId';

const stateLabel = (description: WorkflowDescription, state: string) =>
  bilingual(description.states.find((s) => s.name === state)?.labels) || state;

const WorkflowPanelContent = ({ uid, documentId }: { uid: string; documentId: string }) => {
  const { get, post } = useFetchClient();
  const { formatMessage } = useIntl();
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
  }, [load]);

  if (!description) return null;

  const fire = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await post(`${workflowPath(uid, documentId)}/transitions`, { to: chosen.to, reason: reason || undefined, from: description.state });
      toggleNotification({ type: 'success', message: formatMessage({ id: t('workflow.done'), defaultMessage: 'State changed' }) });
      // The edit form holds its own copy of the record: reload so it shows the new state.
      window.location.reload();
    } catch (error) {
      const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ?? String(error) });
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: t('workflow.state'), defaultMessage: 'Current state' })}
        </Typography>
        <Badge data-testid="workflow-state">{bilingual(description.stateLabels)}</Badge>
      </Flex>

      {description.available.length === 0 ? (
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
              {bilingual(option.labels)}
            </Button>
          ))}
        </Flex>
      )}

      {chosen && (
        <Box padding={3} background="neutral100" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography fontWeight="bold">{bilingual(chosen.labels)}</Typography>
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
                {new Date(entry.occurredAt).toLocaleString()} — {stateLabel(description, entry.fromState)} → {stateLabel(description, entry.toState)}{' '}
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

/** Side panel of the Content Manager edit view: state, history and the moves this user may make. */
export const WorkflowPanel = () => {
  const { slug = '', id } = useParams();
  const { formatMessage } = useIntl();
  if (!WORKFLOW_UIDS.includes(slug) || !id || id === 'create') return null;
  return {
    title: formatMessage({ id: t('workflow.title'), defaultMessage: 'Workflow' }),
    content: <WorkflowPanelContent uid={slug} documentId={id} />,
  };
};
WorkflowPanel.type = 'kerjasama-workflow';
