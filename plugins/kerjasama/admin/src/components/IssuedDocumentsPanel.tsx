import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { downloadFile, errorMessage } from '../planning/requests';
import { t } from '../pluginId';

const MINUTE_UID = 'api::meeting-minute.meeting-minute';
const PERMISSIONS = [
  { action: 'plugin::kerjasama.documents.read', subject: null },
  { action: 'plugin::kerjasama.documents.issue', subject: null },
];

interface IssuedDocument {
  documentId: string;
  documentNumber: string;
  mime: string;
  filename: string;
  issuedAt: string;
  issuedByName: string;
  fileUrl: string | null;
  verifyPath: string;
}

export interface IssuedDocumentsProps {
  /** The record the documents are issued from (the issued-document list is filtered by it). */
  recordDocumentId: string;
  formats: readonly string[];
  /** The preview (no number) of a format; the issue route, posted `{ format, ...issueBody }`. */
  previewUrl: (format: string) => string;
  issueUrl: string;
  issueBody?: Record<string, unknown>;
  /** The preview's file name without extension. */
  draftName: string;
  /** Only the documents of this form (a unit's recaps among its other documents). */
  formCode?: string;
  /** False: only the list (e.g. a program not approved yet cannot be printed). */
  printable?: boolean;
}

/**
 * Issued documents of a record: preview a print without a number (Staf Humas prepares), issue a
 * numbered file with its QR code (the Kapokja), and the list of what was issued with its file and
 * its public check. Used by the minutes' side panel (BO.29.3.1), the program page (FO.28.1.1),
 * the survey page (FO.28.2.2) and the monitoring recap page (BO.28.1.2).
 */
export const IssuedDocuments = ({ recordDocumentId, formats, previewUrl, issueUrl, issueBody = {}, draftName, formCode, printable = true }: IssuedDocumentsProps) => {
  const { get, post } = useFetchClient();
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const [issued, setIssued] = useState<IssuedDocument[]>([]);
  const [busy, setBusy] = useState(false);
  const label = (key: string, defaultMessage: string) => formatMessage({ id: t(`documents.${key}`), defaultMessage });

  const load = useCallback(async () => {
    const { data } = await get<{ data: IssuedDocument[] }>(`/kerjasama/documents?recordDocumentId=${encodeURIComponent(recordDocumentId)}${formCode ? `&formCode=${encodeURIComponent(formCode)}` : ''}`);
    setIssued(data.data);
  }, [get, recordDocumentId, formCode]);

  useEffect(() => {
    if (allowedActions.canRead) load().catch(() => setIssued([]));
  }, [load, allowedActions.canRead]);

  if (!allowedActions.canRead) return null;

  const act = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) toggleNotification({ type: 'success', message: done });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {printable && formats.map((format) => (
        <Button key={`preview-${format}`} variant="tertiary" fullWidth disabled={busy}
          onClick={() => act(() => downloadFile(get, previewUrl(format), `${draftName}.${format}`))}>
          {label(`preview.${format}`, `Pratinjau ${format.toUpperCase()}`)}
        </Button>
      ))}
      {printable && allowedActions.canIssue && formats.map((format) => (
        <Button key={`issue-${format}`} variant="secondary" fullWidth loading={busy}
          onClick={() => act(() => post(issueUrl, { ...issueBody, format }), label('done', 'Dokumen diterbitkan'))}>
          {label(`issue.${format}`, `Terbitkan ${format.toUpperCase()}`)}
        </Button>
      ))}
      <Typography variant="sigma" textColor="neutral600">{label('issued', 'Dokumen terbit')}</Typography>
      {issued.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">{label('none', 'Belum ada dokumen terbit')}</Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
          {issued.map((doc) => (
            <Flex key={doc.documentId} direction="column" alignItems="flex-start" tag="li">
              <Typography variant="omega" fontWeight="bold">{doc.documentNumber}</Typography>
              <Typography variant="pi" textColor="neutral600">{new Date(doc.issuedAt).toLocaleString()} · {doc.issuedByName}</Typography>
              <Flex gap={2}>
                {doc.fileUrl && <Link href={doc.fileUrl} isExternal>{label('download', 'Unduh')} {doc.filename.split('.').pop()?.toUpperCase()}</Link>}
                <Link href={doc.verifyPath} isExternal>{label('verify', 'Halaman verifikasi')}</Link>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
};

/** Side panel of the meeting minutes' edit view (BO.29.3.1). */
export const IssuedDocumentsPanel = () => {
  const { slug = '', id } = useParams();
  const { formatMessage } = useIntl();
  if (slug !== MINUTE_UID || !id || id === 'create') return null;
  return {
    title: formatMessage({ id: t('documents.title'), defaultMessage: 'Dokumen terbit (BO.29.3.1)' }),
    content: (
      <IssuedDocuments recordDocumentId={id} formats={['pdf', 'docx']} draftName="notulen-draf"
        previewUrl={(format) => `/kerjasama/minutes/${id}/preview?format=${format}`} issueUrl={`/kerjasama/minutes/${id}/issue`} />
    ),
  };
};
IssuedDocumentsPanel.type = 'kerjasama-issued-documents';
