/**
 * The texts of the e-mails the system sends: Indonesian first, English beside it (below it, in
 * a mail). Pure: the callers give the facts and the links.
 */
import type { Bilingual } from './bilingual';

export interface EmailText {
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part: the same words in the one template of `emailHtml`, links clickable. */
  html: string;
}

const SEPARATOR = '\n\n— English —\n\n';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);

/**
 * One language's body as HTML: paragraphs at blank lines, line breaks kept, every value escaped,
 * and each of the given links (the system's own, never one typed by a person) clickable; a
 * paragraph that is only a link becomes a button-like link.
 */
const bodyHtml = (body: string, links: string[]) => {
  const linked = (escaped: string) =>
    links.reduce((html, link) => {
      const safe = escapeHtml(link);
      return html.split(safe).join(`<a href="${safe}" style="color:#1d4ed8">${safe}</a>`);
    }, escaped);
  return body.trim().split(/\n{2,}/).map((paragraph) => {
    const trimmed = paragraph.trim();
    if (links.includes(trimmed)) {
      const safe = escapeHtml(trimmed);
      return `<p style="margin:0 0 16px"><a href="${safe}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;border-radius:4px;text-decoration:none;font-weight:600">${safe}</a></p>`;
    }
    return `<p style="margin:0 0 16px">${linked(escapeHtml(trimmed)).replace(/\n/g, '<br>')}</p>`;
  }).join('\n');
};

/**
 * The one HTML template of every e-mail the system sends: a header, the Indonesian text, then
 * the English text (marked lang="en"); inline styles only (mail programs drop style sheets).
 */
export function emailHtml(subject: string, body: Bilingual, links: string[]): string {
  return `<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border-radius:6px">
<tr><td style="padding:16px 24px;background:#0f3d7a;color:#ffffff;border-radius:6px 6px 0 0;font-weight:700">Humas &amp; Kerjasama · Politeknik Negeri Batam</td></tr>
<tr><td style="padding:24px" lang="id">
${bodyHtml(body.id, links)}
</td></tr>
<tr><td style="padding:0 24px"><hr style="border:0;border-top:1px solid #e5e7eb;margin:0"></td></tr>
<tr><td style="padding:24px;color:#374151" lang="en">
<p style="margin:0 0 16px;font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#6b7280">English</p>
${bodyHtml(body.en, links)}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
}

const compose = (subject: Bilingual, body: Bilingual, links: Array<string | undefined>): EmailText => {
  const line = `[Kerjasama Polibatam] ${subject.id} (${subject.en})`;
  return {
    subject: line,
    text: `${body.id.trim()}${SEPARATOR}${body.en.trim()}\n`,
    html: emailHtml(line, body, links.filter((link): link is string => Boolean(link))),
  };
};

const signature = { id: '\n\nSalam,\nHumas & Kerjasama Politeknik Negeri Batam', en: '\n\nRegards,\nPublic Relations & Cooperation, Politeknik Negeri Batam' };

export function callForProposalsEmail({ title, year, deadline, message, messageEn, link }: {
  title: string; year: number; deadline: string; message?: string | null; messageEn?: string | null; link: string;
}): EmailText {
  return compose(
    { id: `Panggilan usulan kerjasama ${year}`, en: `Call for cooperation proposals ${year}` },
    {
      id: `Yth. unit, jurusan dan program studi,\n\nHumas & Kerjasama membuka "${title}" untuk tahun ${year}. Batas waktu pengajuan: ${deadline}.\n\n${message ?? ''}\n\nAjukan usulan melalui ${link}${signature.id}`,
      en: `Dear units, departments and study programs,\n\nPublic Relations & Cooperation opens "${title}" for ${year}. Deadline: ${deadline}.\n\n${messageEn ?? message ?? ''}\n\nSubmit proposals at ${link}${signature.en}`,
    },
    [link],
  );
}

export function unitAccountEmail({ unitName, email, link }: { unitName: string; email: string; link: string }): EmailText {
  return compose(
    { id: 'Akun unit untuk usulan kerjasama', en: 'Unit account for cooperation proposals' },
    {
      id: `Humas & Kerjasama membuatkan akun untuk ${unitName} dengan surel ${email}.\n\nTetapkan kata sandi Anda melalui tautan berikut, lalu masuk di halaman usulan:\n${link}${signature.id}`,
      en: `Public Relations & Cooperation created an account for ${unitName} with the e-mail ${email}.\n\nSet your password through this link, then log in on the proposals page:\n${link}${signature.en}`,
    },
    [link],
  );
}

export function surveyInvitationEmail({ surveyTitle, partnerName, contactName, link, expiresOn, reminder }: {
  surveyTitle: string; partnerName: string; contactName?: string | null; link: string; expiresOn: string; reminder?: boolean;
}): EmailText {
  const greetingId = contactName ? `Yth. ${contactName},` : 'Yth. Bapak/Ibu,';
  const greetingEn = contactName ? `Dear ${contactName},` : 'Dear Sir or Madam,';
  return compose(
    reminder
      ? { id: `Pengingat: ${surveyTitle}`, en: `Reminder: ${surveyTitle}` }
      : { id: surveyTitle, en: 'Partner satisfaction survey' },
    {
      id: `${greetingId}\n\n${reminder ? 'Kami belum menerima jawaban Anda. ' : ''}Politeknik Negeri Batam mengundang ${partnerName} mengisi survei kepuasan layanan kerjasama. Pengisian sekitar 5 menit, tanpa akun, dalam Bahasa Indonesia atau Inggris.\n\n${link}\n\nTautan ini pribadi, hanya dapat dipakai sekali, dan berlaku sampai ${expiresOn}.${reminder ? ' Tautan ini menggantikan tautan pada surel sebelumnya.' : ''}${signature.id}`,
      en: `${greetingEn}\n\n${reminder ? 'We have not yet received your answers. ' : ''}Politeknik Negeri Batam invites ${partnerName} to answer its cooperation service satisfaction survey. It takes about 5 minutes, needs no account, and is available in Indonesian or English.\n\n${link}\n\nThis link is personal, can be used once, and is valid until ${expiresOn}.${reminder ? ' It replaces the link in our previous e-mail.' : ''}${signature.en}`,
    },
    [link],
  );
}

export function agreementEndingEmail({ ourNumber, title, partnerName, endDate, daysLeft, threshold, link }: {
  ourNumber: string; title: string; partnerName: string; endDate: string; daysLeft: number; threshold: number; link?: string;
}): EmailText {
  return compose(
    { id: `Naskah ${ourNumber} berakhir dalam ${daysLeft} hari`, en: `Agreement ${ourNumber} ends in ${daysLeft} days` },
    {
      id: `Naskah kerjasama "${title}" (${ourNumber}) dengan ${partnerName} berakhir pada ${endDate}, ${daysLeft} hari lagi (pengingat ${threshold} hari).\n\nMohon tentukan apakah kerjasama diperpanjang. Pengingat berhenti bila naskah diperpanjang atau diakhiri.${link ? `\n\n${link}` : ''}${signature.id}`,
      en: `The cooperation agreement "${title}" (${ourNumber}) with ${partnerName} ends on ${endDate}, in ${daysLeft} days (${threshold}-day reminder).\n\nPlease decide whether to renew it. Reminders stop once the agreement is renewed or terminated.${link ? `\n\n${link}` : ''}${signature.en}`,
    },
    [link],
  );
}

export function proposalWaitingEmail({ title, unitName, state, days, link }: {
  title: string; unitName: string; state: Bilingual; days: number; link: string;
}): EmailText {
  return compose(
    { id: `Usulan menunggu tindakan: ${title}`, en: `Proposal awaiting action: ${title}` },
    {
      id: `Usulan "${title}" dari ${unitName} berstatus "${state.id}" sejak ${days} hari dan menunggu tindakan Anda.\n\n${link}${signature.id}`,
      en: `The proposal "${title}" from ${unitName} has been "${state.en}" for ${days} days and awaits your action.\n\n${link}${signature.en}`,
    },
    [link],
  );
}

export function actionItemOverdueEmail({ meetingTitle, meetingNumber, meetingDate, description, owner, dueDate, link }: {
  meetingTitle: string; meetingNumber: string; meetingDate: string; description: string; owner: string; dueDate: string; link: string;
}): EmailText {
  return compose(
    { id: `Tindak lanjut rapat melewati tenggat: ${description.slice(0, 60)}`, en: 'Meeting action item past its due date' },
    {
      id: `Yth. ${owner},\n\nTindak lanjut berikut dari rapat "${meetingTitle}" (${meetingNumber}, ${meetingDate}) belum ditandai selesai, padahal tenggatnya ${dueDate}:\n\n${description}\n\nMohon selesaikan atau kabarkan Humas & Kerjasama, lalu tandai selesai pada notulen:\n${link}${signature.id}`,
      en: `Dear ${owner},\n\nThis action item from the meeting "${meetingTitle}" (${meetingNumber}, ${meetingDate}) is not marked done, and it was due on ${dueDate}:\n\n${description}\n\nPlease complete it or tell Public Relations & Cooperation, then mark it done in the minutes:\n${link}${signature.en}`,
    },
    [link],
  );
}

/** An activity that ended 30 days ago or more without any evidence file: to its unit, once. */
export function activityEvidenceMissingEmail({ title, unitName, endDate, days, link }: {
  title: string; unitName: string; endDate: string; days: number; link: string;
}): EmailText {
  return compose(
    { id: `Bukti kegiatan belum diunggah: ${title}`, en: `Activity evidence not uploaded yet: ${title}` },
    {
      id: `Yth. ${unitName},\n\nKegiatan "${title}" selesai pada ${endDate} (${days} hari yang lalu), tetapi laporannya belum memiliki berkas bukti (laporan, daftar hadir, foto, surat tugas atau sertifikat).\n\nMohon unggah buktinya dan ajukan laporan di portal unit:\n${link}${signature.id}`,
      en: `Dear ${unitName},\n\nThe activity "${title}" ended on ${endDate} (${days} days ago), but its report has no evidence file yet (report, attendance list, photo, assignment letter or certificate).\n\nPlease upload the evidence and submit the report in the unit portal:\n${link}${signature.en}`,
    },
    [link],
  );
}

/** The weekly digest of a person's queue (My queue): one line per record, each with its link. */
export function queueDigestEmail({ name, items, staleAfterWorkingDays, queueLink }: {
  name: string;
  items: ReadonlyArray<{ typeLabels: Bilingual; stateLabels: Bilingual; title: string; waitedWorkingDays: number; overdue: boolean; link: string }>;
  staleAfterWorkingDays: number;
  queueLink: string;
}): EmailText {
  const lines = (lang: 'id' | 'en') =>
    items.map((item) => {
      const waited = lang === 'id' ? `${item.waitedWorkingDays} hari kerja` : `${item.waitedWorkingDays} working days`;
      const late = item.overdue ? (lang === 'id' ? ' — TERLAMBAT' : ' — OVERDUE') : '';
      return `• ${item.typeLabels[lang]} "${item.title}" (${item.stateLabels[lang]}, ${waited}${late})\n  ${item.link}`;
    }).join('\n');
  const late = items.filter((item) => item.overdue).length;
  return compose(
    { id: `Tugas saya: ${items.length} menunggu`, en: `My queue: ${items.length} waiting` },
    {
      id: `Yth. ${name},\n\n${items.length} rekaman menunggu tindakan Anda${late ? `, ${late} di antaranya lebih dari ${staleAfterWorkingDays} hari kerja` : ''}:\n\n${lines('id')}\n\nDaftar lengkap di dasbor:\n\n${queueLink}\n\nRingkasan mingguan ini dapat dimatikan di dasbor Kerjasama.${signature.id}`,
      en: `Dear ${name},\n\n${items.length} records are waiting for you${late ? `, ${late} of them for more than ${staleAfterWorkingDays} working days` : ''}:\n\n${lines('en')}\n\nThe full list is on the dashboard:\n\n${queueLink}\n\nYou can switch this weekly digest off on the Kerjasama dashboard.${signature.en}`,
    },
    [queueLink, ...items.map((item) => item.link)],
  );
}
