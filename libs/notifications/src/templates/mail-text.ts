import type { MailBlock, MailContent, MailFrame } from './mail-content';

function block(b: MailBlock): string {
  switch (b.type) {
    case 'paragraph':
      return b.text;
    case 'heading':
      return `${b.text}\n${'-'.repeat(Math.min(b.text.length, 60))}`;
    case 'quote':
      return b.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n');
    case 'facts':
      return b.items.map((item) => `${item.label}: ${item.value.replace(/\r?\n/g, ' ')}`).join('\n');
    case 'button':
      return `${b.label}:\n${b.url}`;
    case 'scale':
      return b.items.map((item, i) => `${i + 1} - ${item.label}: ${item.url}`).join('\n');
  }
}

/** The plain-text part, for clients and people that prefer it (screen readers, text-only mail). */
export function renderMailText(content: MailContent, frame: MailFrame): string {
  return [
    frame.greeting,
    ...content.blocks.map(block),
    `${frame.signOff}\n${frame.signature}`,
    `-- \n${frame.footer}`,
  ].join('\n\n');
}
