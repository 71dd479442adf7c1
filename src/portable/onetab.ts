import { titleOf } from "./fields.js";
import { LinkList } from "./link-cap.js";
import { lines } from "./markdown-log.js";
import type { LinkLimit, ParsedFile } from "./model.js";
import { ProblemList } from "./problems.js";

/**
 * OneTab's "Export URLs": one tab a line, `URL | Title`, the groups of saved tabs a blank line apart, with no
 * names or dates (as OneTab's "Export URLs" page shows them; its "Import URLs" takes the same lines back).
 * Groups have no name in the export, so they give no tags; every link is unread.
 */
export const ONETAB_FORMAT = "OneTab";

// Anchored, and the address a run without spaces before the one literal space: a failing line costs one pass.
const ONETAB_LINE = /^([a-z][a-z0-9+.-]*:\S+) \|(?: (.*))?$/iu;
// Only the start is looked at, and a line it cuts is not judged.
const SNIFF_CHARS = 16_384;
const SNIFF_LINES = 10;

/** Whether the first line that is not blank is `URL | Title`, and most of the next few are too (a stray line is a problem, not another format). */
export function isOneTab(text: string): boolean {
  const start = text.slice(0, SNIFF_CHARS);
  const whole = start.length === text.length ? start : start.slice(0, start.lastIndexOf("\n") + 1);
  const firsts: string[] = [];
  for (const line of lines(whole)) {
    if (line.trim() !== "") firsts.push(line.trim());
    if (firsts.length === SNIFF_LINES) break;
  }
  const matching = firsts.filter((line) => ONETAB_LINE.test(line)).length;
  return firsts.length > 0 && ONETAB_LINE.test(firsts[0]!) && matching * 2 > firsts.length;
}

export function parseOneTab(text: string, limit: LinkLimit = {}): ParsedFile {
  const links = new LinkList(limit.maxLinks);
  const problems = new ProblemList();
  let number = 0;
  for (const line of lines(text)) {
    number++;
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const match = ONETAB_LINE.exec(trimmed);
    if (!match) problems.add(number, "problem-not-understood", { text: line });
    else {
      // A title that only repeats the address says nothing.
      const title = match[2]?.trim() ?? "";
      links.add({ url: match[1]!, title: titleOf(title === match[1] ? "" : title), tags: [], notes: [], savedAt: null, read: false, readAt: null });
    }
    if (links.full) break;
  }
  return { format: ONETAB_FORMAT, links: links.links, problems: problems.list(), ...links.cut };
}
