import type { FetchFailure, PageInfo } from "../../fetch/types.js";
import type { FetchedPage } from "../../store/page-info.js";

/** What a link keeps of a fetched page: a PDF, image or video is named by its file when it has no title. */
export function pageFacts(info: PageInfo): FetchedPage {
  const base = { contentType: info.contentType, siteName: null, description: null, language: null, readingMinutes: null };
  switch (info.kind) {
    case "html":
      return {
        ...base,
        title: info.title ?? null,
        siteName: info.siteName ?? null,
        description: info.description ?? null,
        language: info.language ?? null,
        readingMinutes: info.readingMinutes,
      };
    case "pdf":
      return { ...base, title: info.title ?? info.fileName ?? null };
    case "image":
    case "video":
      return { ...base, title: info.fileName ?? null };
  }
}

/** Failures that another try may cure: the network, a slow server, the server's own errors, rate limits. */
export function isPassing(failure: FetchFailure): boolean {
  if (failure.reason === "timeout" || failure.reason === "network-error") return true;
  return failure.reason === "http-status" && (failure.status >= 500 || failure.status === 408 || failure.status === 429);
}
