import { shortUrl } from "../links/short-url.js";
import { collapsedSpace, joinedNotes, notesOf, withTag } from "./fields.js";
import { anchorLink, isProblem, type OpenAnchor } from "./html-anchor.js";
import { escapeHtmlContent, escapeHtmlText, htmlText, htmlTokens, type HtmlToken } from "./html-text.js";
import { LinkList } from "./link-cap.js";
import type { LinkLimit, ParsedFile, PortableLink } from "./model.js";
import { ProblemList } from "./problems.js";

/**
 * The bookmark file every browser writes (and Raindrop, Karakeep, Linkwarden, Pinboard): `<DT><A HREF ADD_DATE TAGS>`
 * per link, an optional `<DD>` description after it, folders as `<DT><H3>name</H3><DL><p>…</DL><p>`.
 */
export const NETSCAPE_FORMAT = "Netscape bookmarks HTML";

/**
 * Every folder on a link's path becomes a tag, except the containers browsers put at the top of every
 * export, which say where a bookmark was shown, not what it is about. Chrome and Firefox mark the toolbar
 * (and Firefox "Other Bookmarks") with an attribute in any language; the rest are known by their English
 * names, and only at the top level, so a folder of one's own called "Favorites" deeper down still counts.
 */
const ROOT_FOLDER_MARKS = ["personal_toolbar_folder", "unfiled_bookmarks_folder"];
const ROOT_FOLDER_NAMES = new Set([
  "bookmarks",
  "bookmarks bar",
  "bookmarks toolbar",
  "bookmarks menu",
  "other bookmarks",
  "mobile bookmarks",
  "favorites",
  "favourites",
  "favorites bar",
  "favourites bar",
  "other favorites",
  "other favourites",
  "unsorted",
]);

/** The tags that end a title, folder name or description, and start the next. */
const STRUCTURE = new Set(["a", "h3", "dl", "dt", "dd"]);

interface OpenText {
  attributes: ReadonlyMap<string, string>;
  parts: string[];
}

class BookmarkReader {
  readonly problems = new ProblemList();
  /** The folder tags of each open `<DL>`, innermost last. */
  private readonly lists: string[][] = [];
  /** The tags of the folder whose `<H3>` was read and whose `<DL>` comes next. */
  private nextList: string[] | null = null;
  private anchor: OpenAnchor | null = null;
  private folder: OpenText | null = null;
  private note: { link: PortableLink; parts: string[] } | null = null;
  /** The link a `<DD>` would describe: the one just read, with nothing but text since. */
  private described: PortableLink | null = null;

  constructor(readonly links: LinkList) {}

  read(token: HtmlToken): void {
    if (token.kind === "text") (this.anchor?.titleParts ?? this.folder?.parts ?? this.note?.parts)?.push(token.raw);
    else if (token.kind === "close") this.close(token.name);
    else this.open(token.name, token.attributes, token.line);
  }

  private open(name: string, attributes: ReadonlyMap<string, string>, line: number): void {
    if (name === "br") this.note?.parts.push("\n");
    if (!STRUCTURE.has(name)) return;
    this.endAnchor();
    const described = this.described;
    this.endText();
    if (name === "a") this.anchor = { attributes, line, titleParts: [] };
    if (name === "h3") this.folder = { attributes, parts: [] };
    if (name === "dd" && described) this.note = { link: described, parts: [] };
    if (name === "dl") this.lists.push(this.nextList ?? this.folderTags());
    // A folder's name holds until its list opens, past a `<DD>` describing the folder; a link or folder first means it has none.
    if (name !== "dd" && name !== "dt") this.nextList = null;
  }

  private close(name: string): void {
    if (name === "a") this.endAnchor();
    if (name === "h3") this.endText();
    if (name === "dl") {
      this.endAnchor();
      this.endText();
      this.lists.pop();
    }
  }

  /** Ends what the file's end leaves open. */
  finish(): void {
    this.endAnchor();
    this.endText();
  }

  private folderTags(): string[] {
    return this.lists.at(-1) ?? [];
  }

  private endAnchor(): void {
    if (!this.anchor) return;
    const { read, tags } = readState(this.anchor.attributes);
    const result = anchorLink(this.anchor, { dateAttribute: "add_date", placeTags: this.folderTags(), read, ownTags: tags }, this.problems);
    this.anchor = null;
    if (result === null) return;
    if (isProblem(result)) return this.problems.addMade(result);
    this.links.add(result);
    this.described = result;
  }

  /** Ends a folder name or a description, whichever is open. */
  private endText(): void {
    this.described = null;
    if (this.note) this.note.link.notes.push(...describedNotes(htmlText(this.note.parts)));
    this.note = null;
    if (this.folder) this.nextList = this.withFolder(this.folder);
    this.folder = null;
  }

  private withFolder(folder: OpenText): string[] {
    const name = collapsedSpace(htmlText(folder.parts));
    const atTop = this.lists.length <= 1;
    const isContainer = ROOT_FOLDER_MARKS.some((mark) => folder.attributes.has(mark)) || ROOT_FOLDER_NAMES.has(name.toLowerCase());
    // A folder named only by marks ("---", "★") is a divider or a decoration, not a subject.
    const isSubject = /[\p{L}\p{N}]/u.test(name);
    return (atTop && isContainer) || !isSubject ? this.folderTags() : withTag(this.folderTags(), name);
  }
}

/**
 * Tags that are a state, not a subject. linkding appends `linkding:bookmarks.archived` to an archived bookmark's
 * TAGS, and its importer reads it back as the archived state (linkding's bookmarks/services/parser.py); the
 * `toread` tag is Delicious's and Pinboard's old way of saying "unread", kept by bookmarks that passed through them.
 */
const ARCHIVED_TAG = "linkding:bookmarks.archived";
const TO_READ_TAG = "toread";

/**
 * Whether a bookmark was read, and its TAGS without the ones that only said so. Pinboard and linkding write
 * TOREAD="1" for unread and "0" for read; browsers write neither, and all their bookmarks are unread. linkding's
 * archive tag means read whatever TOREAD says, and a `toread` tag unread.
 */
function readState(attributes: ReadonlyMap<string, string>): { read: boolean; tags: string[] } {
  const tags: string[] = [];
  let archived = false;
  let toRead = false;
  for (const raw of (attributes.get("tags") ?? "").split(",")) {
    const tag = raw.trim().toLowerCase();
    if (tag === ARCHIVED_TAG) archived = true;
    else if (tag === TO_READ_TAG) toRead = true;
    else tags.push(raw);
  }
  const marked = attributes.get("toread") === "0" || attributes.get("read") === "1";
  return { read: archived || (!toRead && marked), tags };
}

const NOTES_OPEN = "[linkding-notes]";
const NOTES_CLOSE = "[/linkding-notes]";

/**
 * A `<DD>`'s notes: linkding writes a bookmark's description and then its own notes inside
 * `[linkding-notes]…[/linkding-notes]` (parser.py reads them apart the same way); they are two notes here.
 */
function describedNotes(text: string): ReturnType<typeof notesOf> {
  const open = text.indexOf(NOTES_OPEN);
  if (open === -1) return notesOf(text);
  const close = text.indexOf(NOTES_CLOSE, open);
  const notes = text.slice(open + NOTES_OPEN.length, close === -1 ? text.length : close);
  const after = close === -1 ? "" : text.slice(close + NOTES_CLOSE.length);
  return notesOf(text.slice(0, open).trim(), notes.trim(), after.trim());
}

export function parseNetscapeHtml(html: string, limit: LinkLimit = {}): ParsedFile {
  const links = new LinkList(limit.maxLinks);
  const reader = new BookmarkReader(links);
  for (const token of htmlTokens(html)) {
    reader.read(token);
    if (links.full) break;
  }
  reader.finish();
  return { format: NETSCAPE_FORMAT, links: links.links, problems: reader.problems.list(), ...links.cut };
}

/** The file's head, as browsers write it; `title` names the file in the user's language ("Bookmarks"). */
export function htmlHead(title = "Bookmarks"): string {
  return [
    "<!DOCTYPE NETSCAPE-Bookmark-file-1>",
    "<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->",
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${escapeHtmlContent(title)}</TITLE>`,
    `<H1>${escapeHtmlContent(title)}</H1>`,
    "<DL><p>",
    "",
  ].join("\n");
}

/**
 * One bookmark; TOREAD keeps the read state for readers that know it, and browsers ignore it. An untitled link
 * is named by its short address: browsers show an empty `<A>` as a blank line, and some skip it on import.
 */
export function htmlItem(link: PortableLink): string {
  const attributes = [`HREF="${escapeHtmlText(link.url)}"`];
  if (link.savedAt !== null) attributes.push(`ADD_DATE="${Math.floor(link.savedAt / 1000)}"`);
  if (link.tags.length > 0) attributes.push(`TAGS="${escapeHtmlText(link.tags.join(","))}"`);
  attributes.push(`TOREAD="${link.read ? 0 : 1}"`);
  const item = `    <DT><A ${attributes.join(" ")}>${escapeHtmlContent(link.title?.trim() ? link.title : shortUrl(link.url))}</A>\n`;
  return link.notes.length > 0 ? `${item}    <DD>${escapeHtmlContent(joinedNotes(link.notes))}\n` : item;
}

export function htmlTail(): string {
  return "</DL><p>\n";
}
