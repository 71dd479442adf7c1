import { tagSet, titleOf, unixTime } from "./fields.js";
import { htmlText } from "./html-text.js";
import type { ParseProblem, PortableLink } from "./model.js";
import { problem } from "./problems.js";

/** An `<a>` whose title text is still being read. */
export interface OpenAnchor {
  attributes: ReadonlyMap<string, string>;
  line: number;
  titleParts: string[];
}

export interface AnchorMeaning {
  /** The attribute holding the unix time it was saved: ADD_DATE in bookmark files, time_added in Pocket's. */
  dateAttribute: string;
  /** Tags the anchor's place in the file gives, such as its folders. */
  placeTags: readonly string[];
  read: boolean;
}

/** The link an anchor stands for; one without an address is a problem, not a link. */
export function anchorLink(anchor: OpenAnchor, meaning: AnchorMeaning): PortableLink | ParseProblem {
  const title = htmlText(anchor.titleParts);
  const url = anchor.attributes.get("href")?.trim() ?? "";
  if (url === "") return title === "" ? problem(anchor.line, "problem-html-no-address-untitled") : problem(anchor.line, "problem-html-no-address", { title });
  const ownTags = (anchor.attributes.get("tags") ?? "").split(",");
  return {
    url,
    title: titleOf(title),
    tags: tagSet([...meaning.placeTags, ...ownTags]),
    notes: [],
    savedAt: unixTime(anchor.attributes.get(meaning.dateAttribute)),
    read: meaning.read,
    readAt: null,
  };
}

export function isProblem(result: PortableLink | ParseProblem): result is ParseProblem {
  return "line" in result;
}
