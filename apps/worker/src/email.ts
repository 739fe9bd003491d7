// Where outbox email goes. Without SMTP configured (development, demo), a message is written to the
// log with its link, which is how a developer follows an invitation.
import type { Logger } from 'pino';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  link: string | null;
}

export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
}

export function logTransport(logger: Logger): EmailTransport {
  return {
    send(message) {
      logger.info(
        { to: message.to, subject: message.subject, link: message.link },
        `email to ${message.to}: ${message.link ?? message.subject}`,
      );
      return Promise.resolve();
    },
  };
}
