/** The part of the `qrcode` package the preview uses (the package ships no typings). */
declare module 'qrcode' {
  export interface QRCodeSegment {
    data: string | Uint8Array;
    mode: 'byte' | 'alphanumeric' | 'numeric' | 'kanji';
  }
  export interface QRCodeCreateOptions {
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    version?: number;
  }
  export interface BitMatrix {
    readonly size: number;
    readonly data: Uint8Array;
    get(row: number, col: number): number;
  }
  export interface QRCodeSymbol {
    modules: BitMatrix;
    version: number;
  }
  export function create(data: string | QRCodeSegment[], options?: QRCodeCreateOptions): QRCodeSymbol;
  const QRCode: { create: typeof create };
  export default QRCode;
}
