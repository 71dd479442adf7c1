import { isoTime, tagSet, titleOf, unixTime, withTag } from "./fields.js";
import { LinkList } from "./link-cap.js";
import { LINKLOG_JSON_FORMAT, parseJson, readLinklogJson, saysLinklog } from "./linklog-json.js";
import type { ParseContext, ParsedFile, PortableLink, PortableNote } from "./model.js";
import { problem, ProblemList } from "./problems.js";

/**
 * Every JSON file linklog reads, told apart by the shape of the parsed value, not by the file's name: linklog's
 * own export, then other services' and browsers' exports. A format is added with one line in JSON_READERS; the
 * "unknown JSON" answer names every format listed there. All of them go through `parseJson`, with its nesting
 * limit, and every tree is walked with an explicit stack, never by recursion.
 */
export interface JsonReader {
  /** Named in the "unknown JSON" answer; the preview shows `format`. */
  name: string;
  format: string;
  /** Whether the parsed value has this format's shape; cheap, looking only at the top and a first record. */
  matches: (value: unknown) => boolean;
  read: (value: unknown, context: ParseContext) => ParsedFile;
}

/** What a file is called when it is JSON but none of the formats, or not even valid JSON. */
export const JSON_FORMAT = "JSON";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Strings of a list, and the `name` (or wallabag's `label`) of objects in it: services write tags either way. */
function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (isObject(item) ? text(item.name) || text(item.label) : text(item)));
}

/** A date as these exports write one: ISO 8601, or a number of seconds, milliseconds or microseconds since 1970. */
function dateOf(value: unknown, context: ParseContext): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? unixTime(String(Math.trunc(value))) : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  return isoTime(value, context) ?? unixTime(value);
}

/** The first object among the first records of a list, to judge the list's shape by. */
function firstRecord(value: unknown): Json | undefined {
  return Array.isArray(value) ? value.slice(0, 10).find(isObject) : undefined;
}

/** A record that is not a link at all (Karakeep's text notes): passed over without a problem. */
const SKIP = "skip";
type Reading = PortableLink | null | typeof SKIP;

/** The links of a list of records; a record that does not read is a problem numbered by its place. */
function readRecords(format: string, records: Iterable<unknown>, context: ParseContext, toLink: (record: Json) => Reading): ParsedFile {
  const links = new LinkList(context.maxLinks);
  const problems = new ProblemList();
  let place = 0;
  for (const record of records) {
    place++;
    if (links.full) break;
    const link = isObject(record) ? toLink(record) : null;
    if (link === null) problems.add(place, "problem-json-record");
    else if (link !== SKIP) links.add(link);
  }
  return { format, links: links.links, problems: problems.list(), ...links.cut };
}

/** A link with the fields every reader fills the same way; null without an address. */
function link(url: unknown, fields: Partial<PortableLink>): PortableLink | null {
  const address = text(url).trim();
  if (address === "") return null;
  return { url: address, title: null, tags: [], notes: [], savedAt: null, read: false, readAt: null, ...fields };
}

const note = (value: unknown, createdAt: number | null = null): PortableNote[] => (text(value).trim() === "" ? [] : [{ text: text(value), createdAt }]);

/**
 * Linkwarden's backup.json (Settings → Data → Export): the user with `collections: [{ name, links: [{ url, name,
 * description, tags: [{ name }], createdAt }] }]`, as linkwarden/linkwarden reads it back in
 * apps/web/lib/api/controllers/migration/importFromLinkwarden.ts. The collection becomes a tag (not the default
 * "Unorganized", as Raindrop's "Unsorted" is not), the description the user wrote a note. Linkwarden keeps no read state.
 */
const linkwarden: JsonReader = {
  name: "Linkwarden",
  format: "Linkwarden JSON",
  matches: (value) => isObject(value) && Array.isArray(value.collections),
  read: (value, context) => {
    const records = (function* () {
      for (const collection of (value as Json).collections as unknown[]) {
        if (!isObject(collection) || !Array.isArray(collection.links)) continue;
        const name = text(collection.name);
        for (const record of collection.links) yield isObject(record) ? { ...record, collection: name } : record;
      }
    })();
    return readRecords("Linkwarden JSON", records, context, (record) =>
      link(record.url, {
        title: titleOf(text(record.name)),
        tags: tagSet([text(record.collection).toLowerCase() === "unorganized" ? "" : text(record.collection), ...names(record.tags)]),
        notes: note(record.description),
        savedAt: dateOf(record.createdAt, context),
      }),
    );
  },
};

/**
 * Karakeep (Hoarder before 2025), its JSON export: `{ bookmarks: [{ createdAt (seconds), title, tags: [string],
 * lists: [list id], content: { type: "link", url } | { type: "text", text }, note, archived }], lists: [{ id, name }] }`,
 * as zExportSchema in karakeep-app/karakeep packages/shared/import-export/exporters.ts declares it. The lists a
 * bookmark is in become tags; archived counts as read; text bookmarks are notes without an address, passed over.
 */
const karakeep: JsonReader = {
  name: "Karakeep (Hoarder)",
  format: "Karakeep JSON",
  matches: (value) => isObject(value) && Array.isArray(value.bookmarks),
  read: (value, context) => {
    const file = value as Json;
    const lists = new Map<string, string>();
    for (const list of Array.isArray(file.lists) ? file.lists : []) if (isObject(list)) lists.set(text(list.id), text(list.name));
    return readRecords("Karakeep JSON", file.bookmarks as unknown[], context, (record) => {
      const content = isObject(record.content) ? record.content : {};
      if (content.type !== undefined && content.type !== "link") return SKIP;
      const listNames = Array.isArray(record.lists) ? record.lists.map((id) => lists.get(text(id)) ?? "") : [];
      return link(content.url, {
        title: titleOf(text(record.title)),
        tags: tagSet([...names(record.tags), ...listNames]),
        notes: note(record.note),
        savedAt: dateOf(record.createdAt, context),
        read: record.archived === true,
      });
    });
  },
};

/**
 * Omnivore's export (before it closed in 2024): a zip of `metadata_<from>_to_<to>.json` files, each a list of
 * `{ id, slug, title, description, author, url, state: "Active" | "Archived", readingProgress, labels: [string],
 * savedAt, updatedAt, publishedAt }`, as the OmnivoreImportRecord type of an importer found by code search
 * describes it; zip.ts hands each JSON file of the zip here. Archived is read, labels are tags. The description is
 * the page's own, not the reader's, and no note, as with Raindrop's excerpt.
 */
const omnivore: JsonReader = {
  name: "Omnivore",
  format: "Omnivore JSON",
  matches: (value) => {
    const first = firstRecord(value);
    return first !== undefined && "url" in first && ("savedAt" in first || ("slug" in first && "labels" in first));
  },
  read: (value, context) =>
    readRecords("Omnivore JSON", value as unknown[], context, (record) =>
      link(record.url, {
        title: titleOf(text(record.title)),
        tags: tagSet(names(record.labels)),
        savedAt: dateOf(record.savedAt, context),
        read: text(record.state).toLowerCase() === "archived",
      }),
    ),
};

/**
 * wallabag's JSON export (wallabag/wallabag src/Helper/EntriesExport.php, serialized by the Entry entity's
 * "entries_for_user" group): `[{ is_archived (0/1), is_starred, tags: [string], title, url, created_at,
 * archived_at?, annotations: [{ text, quote, created_at }] }]`. An annotation is a note: the quote it marks, then
 * what the reader wrote.
 */
const wallabag: JsonReader = {
  name: "wallabag",
  format: "wallabag JSON",
  matches: (value) => {
    const first = firstRecord(value);
    return first !== undefined && "is_archived" in first;
  },
  read: (value, context) =>
    readRecords("wallabag JSON", value as unknown[], context, (record) => {
      const read = record.is_archived === true || record.is_archived === 1 || record.is_archived === "1";
      const annotations = Array.isArray(record.annotations) ? record.annotations.filter(isObject) : [];
      return link(record.url, {
        title: titleOf(text(record.title)),
        tags: tagSet(names(record.tags)),
        notes: annotations.flatMap((annotation) => {
          const quote = text(annotation.quote).trim();
          const words = [quote === "" ? "" : `> ${quote}`, text(annotation.text).trim()].filter((part) => part !== "");
          return note(words.join("\n\n"), dateOf(annotation.created_at, context));
        }),
        savedAt: dateOf(record.created_at, context),
        read,
        readAt: read ? dateOf(record.archived_at, context) : null,
      });
    }),
};

/**
 * Pinboard's JSON (its API's posts/all?format=json, and Settings → Backup → JSON), described at
 * https://pinboard.in/api/: `[{ href, description (the title), extended (the note), time, shared, toread: "yes" |
 * "no", tags: "space separated" }]`. Not "to read" is read, as the HTML reader takes TOREAD="0".
 */
const pinboard: JsonReader = {
  name: "Pinboard",
  format: "Pinboard JSON",
  matches: (value) => {
    const first = firstRecord(value);
    return first !== undefined && "href" in first;
  },
  read: (value, context) =>
    readRecords("Pinboard JSON", value as unknown[], context, (record) =>
      link(record.href, {
        title: titleOf(text(record.description)),
        tags: tagSet(text(record.tags).split(/\s+/u)),
        notes: note(record.extended),
        savedAt: dateOf(record.time, context),
        read: text(record.toread) !== "yes",
      }),
    ),
};

/** A node of a bookmark tree with the folder tags on its path. */
interface TreeItem {
  node: unknown;
  tags: string[];
}

/**
 * The nodes of a bookmark tree in document order, each with the folders above it as tags (as the HTML reader
 * makes them), with an explicit stack. `children` gives a folder's children and its tags, or null for a bookmark.
 */
function* walkTree(roots: TreeItem[], children: (node: Json, tags: string[]) => TreeItem[] | null): Generator<unknown> {
  const stack = [...roots].reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (!isObject(item.node)) {
      yield item.node;
      continue;
    }
    const inside = children(item.node, item.tags);
    if (inside === null) yield { ...item.node, folderTags: item.tags };
    else for (let at = inside.length - 1; at >= 0; at--) stack.push(inside[at]!);
  }
}

const kids = (node: Json): unknown[] => (Array.isArray(node.children) ? node.children : []);

// Chrome counts microseconds from 1601-01-01 UTC (Windows' FILETIME epoch), 11,644,473,600 s before 1970.
const CHROME_EPOCH_OFFSET_MS = 11_644_473_600_000;

function chromeTime(value: unknown): number | null {
  const digits = text(value).trim();
  if (!/^\d{1,18}$/u.test(digits)) return null;
  const ms = Math.floor(Number(digits) / 1000) - CHROME_EPOCH_OFFSET_MS;
  return ms > 0 ? ms : null;
}

/**
 * Chrome's (and Edge's, Brave's) `Bookmarks` file in the profile folder: `{ version, roots: { bookmark_bar, other,
 * synced }, checksum }`, each root a folder `{ type: "folder", name, children }` and each bookmark `{ type: "url",
 * name, url, date_added }`, `date_added` a decimal string of microseconds since 1601, as chromium/chromium
 * components/bookmarks/browser/bookmark_codec.cc writes it. The roots are where a bookmark was shown, not tags.
 */
const chrome: JsonReader = {
  name: "Chrome bookmarks",
  format: "Chrome bookmarks JSON",
  matches: (value) => isObject(value) && isObject(value.roots),
  read: (value, context) => {
    const roots = Object.values((value as Json).roots as Json).filter(isObject);
    const nodes = walkTree(
      roots.flatMap((root) => kids(root).map((node) => ({ node, tags: [] }))),
      (node, tags) => (node.type === "folder" ? kids(node).map((child) => ({ node: child, tags: withTag(tags, text(node.name)) })) : null),
    );
    return readRecords("Chrome bookmarks JSON", nodes, context, (record) =>
      record.type === "url"
        ? link(record.url, { title: titleOf(text(record.name)), tags: record.folderTags as string[], savedAt: chromeTime(record.date_added) })
        : null,
    );
  },
};

const FIREFOX_FOLDER = "text/x-moz-place-container";

/**
 * Firefox's bookmark backup (Bookmarks → Manage → Backup, and the profile's bookmarkbackups/*.jsonlz4 once
 * unpacked): a tree of `{ type: "text/x-moz-place-container", title, root?, children }` folders and `{ type:
 * "text/x-moz-place", title, uri, dateAdded (microseconds since 1970), tags: "a,b" }` bookmarks, as
 * mozilla/gecko-dev toolkit/components/places/BookmarkJSONUtils.sys.mjs writes it. Folders marked `root` (menu,
 * toolbar, other, mobile) are no tags, and the old tags root is skipped: each bookmark carries its own tags.
 * `place:` addresses are saved searches and separators are lines; both are passed over.
 */
const firefox: JsonReader = {
  name: "Firefox bookmarks",
  format: "Firefox bookmarks JSON",
  matches: (value) => isObject(value) && value.type === FIREFOX_FOLDER,
  read: (value, context) => {
    const nodes = walkTree([{ node: value, tags: [] }], (node, tags) => {
      if (node.type !== FIREFOX_FOLDER) return null;
      if (node.root === "tagsFolder") return [];
      const inside = node.root === undefined ? withTag(tags, text(node.title)) : tags;
      return kids(node).map((child) => ({ node: child, tags: inside }));
    });
    return readRecords("Firefox bookmarks JSON", nodes, context, (record) => {
      if (record.type !== "text/x-moz-place") return record.type === "text/x-moz-place-separator" ? SKIP : null;
      if (text(record.uri).startsWith("place:")) return SKIP;
      return link(record.uri, {
        title: titleOf(text(record.title)),
        tags: tagSet([...(record.folderTags as string[]), ...text(record.tags).split(",")]),
        savedAt: dateOf(record.dateAdded, context),
      });
    });
  },
};

const linklog: JsonReader = {
  name: "linklog",
  format: LINKLOG_JSON_FORMAT,
  matches: saysLinklog,
  read: (value, context) => readLinklogJson(value, context),
};

/** Tried in this order; each format's shape excludes the others'. */
// Telegram Desktop's result.json is told from its text before it is parsed (formats.ts), but is a JSON known all the same.
const TELEGRAM_JSON_NAME = "Telegram Desktop (result.json)";

export const JSON_READERS: readonly JsonReader[] = [linklog, linkwarden, karakeep, omnivore, wallabag, pinboard, chrome, firefox];

/**
 * Whether text is JSON by its start: an object, or a list of objects (or an empty one). A bare `[` is not enough,
 * since a markdown log may start with a link written `[title](url)`.
 */
export function isJsonText(source: string): boolean {
  return /^\s*(?:\{|\[\s*[{\]])/u.test(source);
}

/** Reads an already parsed JSON value with the reader its shape fits, or answers that the JSON is none known. */
export function readJsonValue(value: unknown, context: ParseContext): ParsedFile {
  const reader = JSON_READERS.find((candidate) => candidate.matches(value));
  if (reader) return reader.read(value, context);
  const formats = [...JSON_READERS.map((known) => known.name), TELEGRAM_JSON_NAME].join(", ");
  return { format: JSON_FORMAT, links: [], problems: [problem(1, "problem-json-unknown", { formats })] };
}

export function parseJsonFile(source: string, context: ParseContext): ParsedFile {
  const json = parseJson(source, JSON_FORMAT);
  return "problem" in json ? json.problem : readJsonValue(json.value, context);
}
