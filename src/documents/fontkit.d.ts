// The one fontkit call Outfall makes (fontkit ships no types): parse a font file once, so
// that every PDF of the process shares its decoded tables and glyph layouts.
declare module 'fontkit' {
  /** A parsed font; pdfkit takes it wherever it takes a font file. */
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
