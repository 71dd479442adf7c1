import type { Link } from "../../db/schema.js";
import type { FetchFailure } from "../../fetch/types.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { displayTitle } from "../../views/links.js";
import type { Translate } from "../../views/translate.js";

/** How a fetch asked for with /refetch ended: the page read, or a failure that may be tried again. */
export type RefetchOutcome = { kind: "fetched" } | { kind: "failed"; failure: FetchFailure; retry: boolean };

// Names of encodings, media types and error codes come from the web: shown cut short, escaped.
const MAX_DETAIL = 60;
const detail = (text: string) => escapeHtml(truncate(text, MAX_DETAIL));

/** Why a page could not be fetched, in words (one Fluent key per reason), to follow "Could not fetch the page:". */
function failureWords(t: Translate, failure: FetchFailure): string {
  switch (failure.reason) {
    case "bad-url":
    case "timeout":
    case "too-many-redirects":
    case "refused-address":
      return t(`fetch-failure-${failure.reason}`);
    case "bad-scheme":
      return t("fetch-failure-bad-scheme", { scheme: detail(failure.scheme) });
    case "http-status":
      return t("fetch-failure-http-status", { status: failure.status });
    case "not-a-page":
      return t("fetch-failure-not-a-page", { type: detail(failure.contentType) });
    case "unsupported-encoding":
      return t("fetch-failure-unsupported-encoding", { encoding: detail(failure.encoding) });
    case "network-error":
      return t("fetch-failure-network-error", { code: detail(failure.code) });
  }
}

/** The /refetch answer once the fetch has ended: the page's title (and whether the user's own stays), or why not. */
export function refetchAnswerText(t: Translate, link: Pick<Link, "id" | "url" | "title" | "title_source" | "fetched_title">, outcome: RefetchOutcome): string {
  if (outcome.kind === "failed") return t(outcome.retry ? "refetch-failed-retry" : "refetch-failed", { reason: failureWords(t, outcome.failure) });
  if (link.fetched_title === null) return t("refetch-no-title", { title: escapeHtml(displayTitle(link)) });
  const title = escapeHtml(displayTitle({ url: link.url, title: link.fetched_title }));
  if (link.title_source === "user") return t("refetch-done-own-title", { title, own: escapeHtml(displayTitle(link)), id: String(link.id) });
  return t("refetch-done", { title });
}
