# Import (send a file) and /export. Variables arrive already escaped by the code.

command-import = How to bring in your log or bookmarks
command-export = Your whole log as a file: md, html, csv, json

import-how =
    Send me your log or bookmarks as a file and I show what is in it before importing anything:
    • <b>.md</b> / <b>.txt</b>: a markdown study log (dated sections, ✅ for read, notes under links)
    • <b>.html</b>: bookmarks exported from any browser, Pocket, Raindrop, Karakeep, Pinboard
    • <b>.csv</b> or <b>.zip</b>: Pocket's or Raindrop's export
    • <b>.json</b>: linklog's own export, Linkwarden's backup, Karakeep, Omnivore (or its <b>.zip</b>), wallabag, Pinboard, Chrome's <code>Bookmarks</code> file, a Firefox bookmark backup
    • a Telegram Desktop chat export: <b>result.json</b>, <b>messages.html</b>, or a <b>.zip</b> of its pages
    Importing the same file twice adds nothing new. /export gives everything back.
import-preview = 📥 <b>{$file}</b> ({$format})
import-counts = Links: {$found} · already saved: {$saved} · read: {$read} · with notes: {$notes}
import-tags = Tags: {$tags}
import-dates = Saved between {$first} and {$last}
import-date = All saved on {$date}
import-format-markdown = markdown log
import-format-netscape = Netscape bookmarks HTML
import-format-unknown = unknown format
import-format-telegram = Telegram export
import-invalid = Not web links, skipped: {$count}
import-cut =
    { $max ->
        [one] ⚠️ This file holds more than 1 link: only the first is read, and only it is imported.
       *[other] ⚠️ This file holds more than {$max} links: only the first {$max} are read, and only they are imported.
    }
import-problems =
    { $count ->
        [one] ⚠️ 1 line I could not understand:
       *[other] ⚠️ {$count} lines I could not understand:
    }
import-problem = line {$line}: <code>{$text}</code>
import-button-go = Import
import-button-cancel = Cancel
import-nothing = I found no links in <b>{$file}</b> ({$format}). Is it the right file? /import lists what I can read.
import-too-large = That file is too large: I can read files up to {$mib} MiB.
import-gone = That import was already done or cancelled.
import-cancelled = Import cancelled: nothing was imported.
import-progress = Importing… {$done} / {$total}
import-waiting =
    { $ahead ->
        [one] ⏳ Another import is being read; yours is next.
       *[other] ⏳ {$ahead} imports are being read before yours; yours follows them.
    }
import-failed = ❌ The import failed: nothing was saved. Please try again later; if it fails again, the file may be damaged.
import-done =
    ✅ Imported { $total ->
        [one] 1 link
       *[other] {$total} links
    }: {$added} new, {$updated} already saved got tags, notes or read marks, { $notes ->
        [one] 1 note
       *[other] {$notes} notes
    } added. /unread shows them.
import-fetching-titles =
    { $count ->
        [one] Fetching the page title for 1 link in the background.
       *[other] Fetching page titles for {$count} links in the background.
    }

export-usage = I cannot export as “{$word}”. Use <code>/export</code> (markdown) or one of: {$formats}.
# The first line of a markdown export and the title of a bookmarks export. The markdown heading must stay one the
# importer knows (EXPORT_HEADINGS in src/portable/markdown-log.ts), or the file no longer imports back as an export.
export-markdown-heading = linklog export
export-bookmarks-title = Bookmarks
export-caption =
    { $count ->
        [one] Your linklog: 1 link.
       *[other] Your linklog: {$count} links.
    }

# Lines of an imported file that could not be read, as the preview and `npm run import` show them. Plain text:
# the code escapes them. Counts and sizes are written without grouping, as the file's own numbers are.
problem-more =
    { $count ->
        [one] … and 1 more problem from here on
       *[other] … and { NUMBER($count, useGrouping: 0) } more problems from here on
    }
problem-in-entry = {$entry}: {$problem}
problem-not-understood = {$text}
problem-no-links = no links found in this file
problem-empty-file = the file is empty
problem-not-text = this does not look like a text file
problem-not-zip = this is not a zip file
problem-csv-unclosed-quote = a quoted cell is never closed
problem-csv-after-quote = text after the closing quote of a cell
problem-csv-unknown-header = unrecognised CSV header: {$row}
problem-csv-no-url = no URL in this row: {$row}
problem-csv-empty = no header row: this CSV file is empty
problem-html-no-address = a link without an address: {$title}
problem-html-no-address-untitled = a link without an address: (no title)
problem-bad-date = a date that could not be read: {$date}; the link gets the time of the import
problem-json-too-deep = this JSON nests deeper than {$max} levels, more than any export I know
problem-json-invalid = this is not valid JSON
problem-json-not-linklog = not a linklog export: it needs "format": "linklog", a "version" and a list of "links"
problem-json-newer = written by a newer linklog (format version { NUMBER($version, useGrouping: 0) }); update this bot first
problem-json-field =
    {$field}: { $issue ->
        [invalid_type] expected { $expected } here
        [too_small] it must not be empty
        [invalid_format] expected an ISO 8601 date and time with its offset, as linklog writes
       *[other] not what linklog writes here
    }
problem-json-record = not a link record
problem-json-unknown = I don’t know this JSON: it is none of the formats I read ({$formats})
problem-zip-too-many-files = more than { NUMBER($max, useGrouping: 0) } files in the zip; nothing was imported
problem-zip-too-large-mib = the zip unpacks to more than { NUMBER($mib, useGrouping: 0) } MiB; nothing was imported
problem-zip-too-large-bytes = the zip unpacks to more than { NUMBER($bytes, useGrouping: 0) } bytes; nothing was imported
problem-zip-packed-too-tightly = the zip unpacks to over { NUMBER($ratio, useGrouping: 0) } times its size; nothing was imported
problem-zip-damaged = this zip is damaged or cut short
problem-zip-no-csv = no CSV or JSON file in this zip
problem-zip-entry-method = packed with a method linklog cannot unpack ({$method})
problem-zip-entry-damaged = damaged: it does not unpack
problem-zip-entry-not-text = not a text file
