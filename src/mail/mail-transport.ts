// Where mail goes: .eml files under data/mail by default (named by Message-ID, so a resend
// overwrites rather than duplicates), or SMTP when SMTP_URL is set.
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export function fileNameForMessageId(messageId: string): string {
  return `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`;
}

export function createFileMailTransport(mailDir: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // Made on the first message, not for every one (a spike sends thousands).
  let madeDir: Promise<unknown> | null = null;
  return {
    async send(message) {
      const info = await builder.sendMail({ ...message, messageId: message.messageId });
      madeDir ??= fs.mkdir(mailDir, { recursive: true }).catch((error: unknown) => {
        madeDir = null;
        throw error;
      });
      await madeDir;
      const target = path.join(mailDir, fileNameForMessageId(message.messageId));
      await fs.writeFile(`${target}.tmp`, info.message as Buffer);
      await fs.rename(`${target}.tmp`, target);
    },
  };
}

export function createSmtpMailTransport(smtpUrl: string): MailTransport {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ ...message, messageId: message.messageId });
    },
  };
}
