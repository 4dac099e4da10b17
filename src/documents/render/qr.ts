import QRCode from 'qrcode';

/** A PNG of the QR code to a verification URL (error correction M, as printed footers are small). */
export const qrPng = (url: string): Promise<Buffer> =>
  QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 192 });
