/** The part of az (Russian morphology on OpenCorpora dictionaries, npm "az" 0.2.3) that ingest uses. */
declare module 'az' {
  interface AzTag {
    POS?: string;
    CAse?: string;
    GNdr?: string;
    toString(): string;
    [grammeme: string]: unknown;
  }
  export interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    normalize(keepPOS?: boolean): AzParse;
    inflect(grammemes: string[]): AzParse | false;
  }
  interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err: Error | null) => void): void;
  }
  const Az: {
    Morph: AzMorph;
    load(url: string, responseType: string, callback: (err: Error | null, data?: unknown) => void): void;
  };
  export default Az;
}
