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
  /** Category mail: the one-click unsubscribe address (RFC 8058). Absent on security mail, which cannot be refused. */
  unsubscribeUrl?: string | null;
}

/**
 * List-Unsubscribe with List-Unsubscribe-Post: mail clients show an "unsubscribe" button that POSTs
 * `List-Unsubscribe=One-Click` to the address, and large mailbox providers require both headers of bulk senders.
 */
export function unsubscribeHeaders(url: string | null | undefined): Record<string, string> {
  if (!url) return {};
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
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
        headers: { "Content-Language": mail.locale, ...unsubscribeHeaders(mail.unsubscribeUrl) },
      });
    },
    close: () => transport.close(),
  };
}
