import { checkAttachment, cleanFilename, sniffAttachmentType } from './attachment-rules';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('attachment rules', () => {
  it('knows photos and PDFs by their bytes', () => {
    expect(sniffAttachmentType(JPEG)).toBe('image/jpeg');
    expect(sniffAttachmentType(PNG)).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffAttachmentType(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0', 'latin1'))).toBe('image/heic');
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses what only claims to be a photo', () => {
    expect(
      checkAttachment({ originalname: 'foto.jpg', buffer: Buffer.from('MZ\x90\0 this is a program') }),
    ).toEqual({
      problem: 'type',
    });
    expect(checkAttachment({ originalname: 'leeg.jpg', buffer: Buffer.alloc(0) })).toEqual({
      problem: 'empty',
    });
    expect(
      checkAttachment({
        originalname: 'groot.jpg',
        buffer: Buffer.concat([JPEG, Buffer.alloc(8 * 1024 * 1024)]),
      }),
    ).toEqual({
      problem: 'size',
    });
  });

  it('keeps the name without path or markup, and names a nameless file', () => {
    expect(cleanFilename('C:\\Users\\an\\"straat"<1>.jpg', 'image/jpeg')).toBe('straat1.jpg');
    expect(cleanFilename('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanFilename(undefined, 'image/png')).toBe('bijlage.png');
    const checked = checkAttachment({ originalname: 'lamp.png', buffer: PNG });
    expect(checked).toMatchObject({
      attachment: { contentType: 'image/png', size: 12, filename: 'lamp.png' },
    });
  });
});
