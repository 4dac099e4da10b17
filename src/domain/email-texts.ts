/**
 * The texts of the e-mails the system sends: Indonesian first, English beside it (below it, in
 * a mail). Pure: the callers give the facts and the links.
 */
import type { Bilingual } from './bilingual';

export interface EmailText {
  subject: string;
  text: string;
}

const SEPARATOR = '\n\n— English —\n\n';

const compose = (subject: Bilingual, body: Bilingual): EmailText => ({
  subject: `[Kerjasama Polibatam] ${subject.id} (${subject.en})`,
  text: `${body.id.trim()}${SEPARATOR}${body.en.trim()}\n`,
});

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
  );
}

export function unitAccountEmail({ unitName, email, link }: { unitName: string; email: string; link: string }): EmailText {
  return compose(
    { id: 'Akun unit untuk usulan kerjasama', en: 'Unit account for cooperation proposals' },
    {
      id: `Humas & Kerjasama membuatkan akun untuk ${unitName} dengan surel ${email}.\n\nTetapkan kata sandi Anda melalui tautan berikut, lalu masuk di halaman usulan:\n${link}${signature.id}`,
      en: `Public Relations & Cooperation created an account for ${unitName} with the e-mail ${email}.\n\nSet your password through this link, then log in on the proposals page:\n${link}${signature.en}`,
    },
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
  );
}
