# Import (send a file) and /export. Variables arrive already escaped by the code.

command-import = How to bring in your log or bookmarks
command-export = Your whole log as a file: md, html, csv, json

import-how =
    Send me your log or bookmarks as a file and I show what is in it before importing anything:
    • <b>.md</b> / <b>.txt</b>: a markdown study log (dated sections, ✅ for read, notes under links)
    • <b>.html</b>: bookmarks exported from any browser, Pocket, Raindrop, Karakeep, Linkwarden
    • <b>.csv</b> or <b>.zip</b>: Pocket's or Raindrop's export
    • <b>.json</b>: linklog's own export
    Importing the same file twice adds nothing new. /export gives everything back.
import-preview = 📥 <b>{$file}</b> ({$format})
import-counts = Links: {$found} · already saved: {$saved} · read: {$read} · with notes: {$notes}
import-tags = Tags: {$tags}
import-dates = Saved between {$first} and {$last}
import-invalid = Not web links, skipped: {$count}
import-cut = ⚠️ This file holds more than {$max} links: only the first {$max} are read, and only they are imported.
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
import-done = ✅ Imported {$total} links: {$added} new, {$updated} already saved got tags, notes or read marks, {$notes} notes added. /unread shows them.
import-fetching-titles =
    { $count ->
        [one] Fetching the page title for 1 link in the background.
       *[other] Fetching page titles for {$count} links in the background.
    }

export-usage = I cannot export as “{$word}”. Use <code>/export</code> (markdown) or one of: {$formats}.
export-caption =
    { $count ->
        [one] Your linklog: 1 link.
       *[other] Your linklog: {$count} links.
    }
