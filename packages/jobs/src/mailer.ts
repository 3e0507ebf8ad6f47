import nodemailer from "nodemailer";
import type { MailEnv } from "./env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Goes out as Message-ID, so a receiving server can tell a resend from a new message. */
  messageId: string;
  locale: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer; null without SMTP_URL (messages then stay in the outbox for the admin console). */
export function createMailer(env: MailEnv): Mailer | null {
  if (!env.smtpUrl) return null;
  const transport = nodemailer.createTransport(env.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from: env.from,
        replyTo: env.replyTo,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { "Content-Language": mail.locale },
      });
    },
    close: () => transport.close(),
  };
}
