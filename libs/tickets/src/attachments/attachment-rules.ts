import { createHash, randomUUID } from 'node:crypto';

/** What a ticket takes as attachments: photos from a phone or camera, and PDFs. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;
export const ATTACHMENTS_MAX_COUNT = 5;

/** An attachment checked and ready to store with its ticket. */
export interface NewAttachment {
  id: string;
  filename: string;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * The type the bytes are, from their signature; null for anything else. The name and the type the
 * browser sent are not trusted: an .exe renamed to .jpg is not a photo.
 */
export function sniffAttachmentType(content: Buffer): AttachmentType | null {
  const ascii = (from: number, to: number) => content.subarray(from, to).toString('latin1');
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  if (
    content.length >= 8 &&
    content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (content.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (
    content.length >= 12 &&
    ascii(4, 8) === 'ftyp' &&
    /^(heic|heix|heim|heis|mif1|msf1)$/.test(ascii(8, 12))
  ) {
    return 'image/heic';
  }
  if (content.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A file name that is safe to show and to send back in Content-Disposition. */
export function cleanFilename(name: string | undefined, type: AttachmentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>'.includes(c))
    .join('')
    .trim()
    .slice(-120);
  return cleaned || `bijlage.${EXTENSION[type]}`;
}

const EXTENSION: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

export type AttachmentProblem = 'type' | 'size' | 'empty';

/** The file checked by content and size, or why it is refused. */
export function checkAttachment(file: {
  originalname?: string;
  buffer: Buffer;
}): { attachment: NewAttachment } | { problem: AttachmentProblem } {
  if (!file.buffer.length) return { problem: 'empty' };
  if (file.buffer.length > ATTACHMENT_MAX_BYTES) return { problem: 'size' };
  const type = sniffAttachmentType(file.buffer);
  if (!type) return { problem: 'type' };
  return {
    attachment: {
      id: randomUUID(),
      filename: cleanFilename(file.originalname, type),
      contentType: type,
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
    },
  };
}
