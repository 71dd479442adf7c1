# /unread, /queue, /read, /today, /tags, link cards, /timezone. Variables arrive already escaped by the code.

command-unread = Unread links by day (#tag, oldest)
command-queue = Your reading queue, oldest first (#tag)
command-read = What you have read, last first (week, #tag)
command-today = Today's saves, reads and notes
command-tags = Your tags; rename or merge them
command-link = One link's card: /link 12
command-timezone = Show or set your time zone

list-not-found = That list is gone. Send the command again for a fresh one.
marked-read = Marked read ✅
marked-unread = Marked unread

unread-heading =
    <b>📚 Unread: {$count}</b> {$filter}
    <i>{$order}. Tap ✅ n when you have read item n, /link_… for its card.</i>
queue-heading =
    <b>📖 Reading queue: {$count}</b> {$filter}
    <i>{$order}. Pick the next one; tap ✅ n when done.</i>
order-newest = Newest first
order-oldest = Oldest first
unread-empty = Nothing unread 🎉 Send or forward me a link to fill your reading list.
unread-empty-filtered = No unread links tagged {$filter}. /tags shows your tags; /unread shows everything.
unread-usage =
    I do not understand “{$word}” here.
    <code>/unread</code>: everything unread, newest day first
    <code>/unread #elixir #beam</code>: only links with all these tags
    <code>/unread oldest</code>: oldest first
queue-usage =
    I do not understand “{$word}” here.
    <code>/queue</code>: what to read next, oldest first
    <code>/queue #elixir #beam</code>: only links with all these tags
    <code>/queue newest</code>: newest first

# /read: what was read. $filter arrives formatted: "#rust · past 7 days (Nov 27 – Dec 3)".
read-heading =
    <b>✅ Read: {$count}</b> {$filter}
    <i>Last read first. Tap ↩️ n to put item n back in your queue.</i>
read-period-week = past 7 days ({$range})
read-period-month = past 30 days ({$range})
read-period-day = {$date}
read-empty = Nothing read yet. When you have read a link, tap its ✅ in /queue or /unread.
read-empty-filtered = Nothing you read matches {$filter}. <code>/read</code> shows everything you have read.
read-queue-hint = Looking for what to read next? That is /queue now.
read-usage =
    I do not understand “{$word}” here.
    <code>/read</code>: what you have read, last read first
    <code>/read week</code> or <code>/read month</code>: the last 7 or 30 days
    <code>/read yesterday</code> or <code>/read 2026-11-20</code>: one day
    <code>/read #elixir #beam</code>: only links with all these tags

today-heading = <b>📅 Today · {$date}</b>
day-heading = <b>📅 {$date}</b>
# A list's day heading for these two days, instead of the date.
day-today = Today
day-yesterday = Yesterday
today-counts = Saved {$saved} · Read {$read} · Notes {$notes} · Unread now {$unread}
today-saved = Saved
today-read = Read
today-notes = Notes
today-note = • <i>{$link}</i>: {$note}
today-empty = Nothing saved, read or noted that day.
today-previous-day = ◀ Previous day
today-next-day = Next day ▶
today-usage =
    “{$word}” is not a day I know.
    <code>/today</code>, <code>/today yesterday</code>, <code>/today monday</code>, <code>/today 3 days ago</code>, <code>/today 昨天</code>, <code>/today Nov 20</code> or <code>/today 2026-11-20</code>

tags-heading = <b>🏷 Your tags: {$count}</b> (unread / all)
tags-line = #{$tag}: {$unread} / {$total}
tags-hint = Tap a tag for its unread links. <code>/tags rename old new</code> renames a tag, or merges it into an existing one.
tags-empty = No tags yet. Tag links when I ask after saving them, or re-tag one from its card.
tags-usage =
    <code>/tags</code>: every tag with counts
    <code>/tags rename old new</code>: rename a tag (merges when <i>new</i> exists)
tags-rename-renamed = Renamed #{$from} to #{$to}.
tags-rename-merged = Merged #{$from} into #{$to}: its links now carry #{$to}.
tags-rename-not-found = You have no tag #{$from}. /tags lists yours.
tags-rename-same = That is already its name.
tag-not-found = That tag is gone.

link-usage = Send <code>/link 12</code> with a link's number, or tap a <code>/link_12</code> in any list.
card-saved = Saved {$date}
card-unread = Not read yet
card-read = Read {$date} ✅
card-tags = Tags: {$tags}
card-untagged = No tags yet
card-source = From: {$source}
card-notes =
    { $count ->
        [one] 1 note
       *[other] {$count} notes
    }
card-notes-more = …
card-note-hint = <i>Reply to this message to add a note.</i>
card-mark-read = ✅ Read
card-mark-unread = ↩️ Unread
card-edit-tags = 🏷 Tags
card-delete = 🗑 Delete
card-delete-yes = 🗑 Yes, delete
card-delete-no = Keep it

timezone-current =
    Your time zone is <b>{$zone}</b>. It decides what “today” means and the dates in your lists.
    Change it with <code>/timezone Berlin</code>, <code>/timezone 北京</code>, <code>/timezone UTC+8</code> or any IANA name.
timezone-invalid = “{$zone}” is not a time zone I know. Try a big city or a country (<code>Berlin</code>, <code>上海</code>, <code>Japan</code>), an offset (<code>UTC+8</code>, <code>UTC-5</code>) or an IANA name (<code>America/New_York</code>).
