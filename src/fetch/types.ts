/** What a reader is shown for a saved link. Every text is plain and untrusted: the bot escapes it when displaying. */
interface Fetched {
  /** Where the last redirect led, without credentials. */
  finalUrl: string;
  /** The media type alone, lowercased, without parameters: `text/html`. */
  contentType: string;
}

export interface HtmlPage extends Fetched {
  kind: "html";
  title?: string;
  siteName?: string;
  description?: string;
  /** A canonical BCP 47 tag: `en-GB`. */
  language?: string;
  readingMinutes: number;
}

export interface PdfDocument extends Fetched {
  kind: "pdf";
  fileName?: string;
  /** From the Info dictionary, when it lies within the bytes read. */
  title?: string;
}

export interface MediaFile extends Fetched {
  kind: "image" | "video";
  fileName?: string;
}

export type PageInfo = HtmlPage | PdfDocument | MediaFile;

export type FailureDetail =
  | { reason: "bad-url" }
  | { reason: "bad-scheme"; scheme: string }
  | { reason: "refused-address"; address: string }
  | { reason: "timeout" }
  | { reason: "too-many-redirects" }
  | { reason: "http-status"; status: number }
  | { reason: "not-a-page"; contentType: string }
  | { reason: "unsupported-encoding"; encoding: string }
  | { reason: "network-error"; code: string };

/** An expected way for a fetch to end without a page; `url` is the hop it ended on. */
export type FetchFailure = { kind: "failed"; url: string } & FailureDetail;

export function failed(url: URL | string, detail: FailureDetail): FetchFailure {
  return { kind: "failed", url: String(url), ...detail };
}

export function isFailure(value: object): value is FetchFailure {
  return "kind" in value && value.kind === "failed";
}
