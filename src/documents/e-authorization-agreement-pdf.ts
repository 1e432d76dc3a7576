// The Electronic Signature Agreement (CROMERR, 40 CFR 3.2000(b)(5)(vi)): pre-filled with the
// signer's details, printed, signed by hand and mailed to the authority, which records it.
import { createPdf, finishPdf, footerOnEveryPage, heading, labelledValue, paragraph } from './pdf-document.ts';

export interface AgreementDetails {
  name: string;
  email: string;
  phone: string;
  organizationName: string;
  jurisdictionName: string;
  authority: string;
  mailingAddress: string;
  preparedAt: Date;
}

export const agreementTerms = [
  'I agree that my electronic signature on any document I submit through Outfall for this organization is the legal equivalent of my handwritten signature, and that I am bound by it as I would be by my handwritten signature.',
  'I will keep my password and the answers to my security questions secret, and I will not let anyone else use my account or sign on my behalf.',
  'I will tell the authority at once, and change my password, if I believe my password or security answers have been lost, stolen or otherwise compromised.',
  'I understand that each time I sign I will be asked for my password and one of my security questions, and that I certify what I sign under the certification statement shown with it.',
  'I understand that the authority keeps a copy of record of each document I sign, and that I will receive an acknowledgment by e-mail for each submission; I will review it and tell the authority if I did not make that submission.',
  'I understand that this agreement applies until I or the authority revoke it, and that knowingly submitting false information may be punished under federal and state law.',
];

export async function renderAgreementPdf(details: AgreementDetails): Promise<Buffer> {
  const doc = await createPdf({
    title: `Electronic Signature Agreement — ${details.name}, ${details.organizationName}`,
    author: details.authority,
    subject: 'Electronic Signature Agreement (CROMERR, 40 CFR Part 3)',
    createdAt: details.preparedAt,
  });
  doc.font('bold').fontSize(18).text('Electronic Signature Agreement');
  paragraph(doc, `${details.authority} — ${details.jurisdictionName}`);
  heading(doc, 'Signer');
  labelledValue(doc, 'Name', details.name);
  labelledValue(doc, 'E-mail', details.email);
  labelledValue(doc, 'Phone', details.phone);
  labelledValue(doc, 'Organization', details.organizationName);
  labelledValue(doc, 'Jurisdiction', details.jurisdictionName);
  heading(doc, 'Agreement');
  paragraph(doc, 'By signing below, I agree to the following:');
  agreementTerms.forEach((term, index) => paragraph(doc, `${index + 1}. ${term}`));
  heading(doc, 'Signature');
  doc.moveDown(1.5);
  paragraph(doc, 'Signature: ________________________________________     Date: ____________________');
  doc.moveDown(1);
  paragraph(doc, `Printed name: ${details.name}`);
  heading(doc, 'Mail the signed original to');
  paragraph(doc, `${details.authority}\n${details.mailingAddress}`);
  footerOnEveryPage(doc, (page, pages) => `Electronic Signature Agreement — ${details.name} — ${details.organizationName} — prepared ${details.preparedAt.toISOString().slice(0, 10)} — page ${page} of ${pages}`);
  return finishPdf(doc);
}
