import type { MailContent, MailFrame, RenderedMail } from './mail-content';
import { renderMailHtml } from './mail-html';
import { renderMailText } from './mail-text';

/** A mail's content in its frame, as HTML and plain text: every template ends here. */
export function renderMail(content: MailContent, frame: MailFrame): RenderedMail {
  return {
    subject: content.subject,
    html: renderMailHtml(content, frame),
    text: renderMailText(content, frame),
  };
}
