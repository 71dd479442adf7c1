# Every reply is sent with HTML parse mode: variables arrive already escaped by the code.

# Not shown: the locale dates are written in (src/views/dates.ts), as Intl names it.
date-locale = en-US

help =
    <b>linklog</b> keeps your links, their tags and notes.

    Send or forward a message with links to save them. Reply to any message about a link to add a note.

    /unread: unread links by day (<code>/unread #tag</code>, <code>/unread oldest</code>)
    /queue: your reading queue, oldest first (<code>/queue #tag</code>); /next is the same
    /read: what you have read, last first (<code>/read week</code>, <code>month</code>, <code>#tag</code>, <code>2026-11-20</code>)
    /today: today's saves, reads and notes, page by page, with the days before a tap away (<code>/today yesterday</code>, <code>/today monday</code>, <code>/today 2026-11-20</code>)
    /search: find links by title, address, tag or note (<code>/search 进程</code>)
    /notes: your notes of the last 7 days (<code>/notes #tag</code>, <code>week</code>, <code>month</code> (30 days), <code>all</code>, <code>2026-11</code>, <code>file</code>)
    /note: a note on the link you last saved or opened (<code>/note text</code>)
    /tags: your tags (<code>/tags rename old new</code>)
    /stats: your last 26 weeks in a chart: saved and read, the unread backlog and when you catch up, your streak, top tags and sites
    /link: one link's card (<code>/link 12</code>)
    /title: your own title for a link (<code>/title 12 text</code>, or <code>/title 12</code> and then the title; <code>/title 12 -</code> for the page's again); /refetch 12 fetches its page again
    /digest: your daily digest (<code>/digest 08:30</code>, <code>9pm</code>, <code>off</code>, <code>now</code>, <code>size 5</code>)
    /timezone: your time zone (<code>/timezone Berlin</code>, <code>UTC+8</code>, <code>Europe/Berlin</code>)
    /language: English or 中文
    /import: bring in your markdown log or bookmarks (send the file)
    /export: your whole log as a file (<code>/export md</code>, <code>html</code>, <code>csv</code>, <code>json</code>)
    /start: what this bot does
    /help: this list
    /cancel: close the open tag question (the links stay saved) or the title prompt

command-start = What this bot does
command-help = List every command
command-cancel = Leave the open question

no-links = I found no links in that message. Send or forward a message with a link (http… or example.org) and I will save it.

tag-question =
    { $count ->
        [one] Saved:
       *[other] Saved { $count } links:
    }
    {$links}

    <b>Tags?</b> Tap suggestions, type tags (<code>elixir beam</code>), or Skip. Write a sentence and it becomes a note.
tag-question-retag =
    Re-tag:
    {$links}

    <b>Tags?</b> Tap to toggle, type tags, or Done to keep the selection.
tag-burst =
    Saved { $count ->
        [one] 1 link
       *[other] { $count } links
    } from { $messages ->
        [one] 1 message
       *[other] { $messages } messages
    }:
    {$links}

    <b>Tags?</b> Tag them all together, one message at a time, or Skip.
tag-burst-together = Tag all together
tag-burst-one-by-one = One by one
tag-burst-split =
    Saved { $count ->
        [one] 1 link
       *[other] { $count } links
    }: asking for their tags one message at a time, below.
    {$links}
tag-known-too =
    { $count ->
        [one] 1 link was already saved.
       *[other] { $count } links were already saved.
    }
tag-skip = Skip
tag-done = Done
tag-confirmation =
    { $count ->
        [one] Saved:
       *[other] Saved { $count } links:
    }
    {$links}
    Tags: {$tags}
tag-confirmation-untagged =
    { $count ->
        [one] Saved · no tags:
       *[other] Saved { $count } links · no tags:
    }
    {$links}
tag-also-untagged =
    { $count ->
        [one] 1 more link was saved meanwhile, also without tags.
       *[other] { $count } more links were saved meanwhile, also without tags.
    }
tag-button = 🏷 Tag
tag-button-more =
    { $count ->
        [one] 🏷 Tag 1 more
       *[other] 🏷 Tag { $count } more
    }
tag-question-expired = That tag question is closed. Send the link again to re-tag it.
tag-queued =
    { $count ->
        [one] Saved. I will ask for its tags right after the open question.
       *[other] Saved { $count } links. I will ask for their tags right after the open question.
    }
links-count =
    { $count ->
        [one] 1 link
       *[other] { $count } links
    }
note-on-question = 📝 Noted on {$links}. The tag question stays open.
note-undo = Undo
note-undone = Note removed.
answer-tags-or-note = Tags, or a note?
answer-as-tags = Tags: {$tags}
answer-as-note = Save as note
answer-taken-as-tags = Taken as tags: {$tags}
late-tags = Tag {$links} with {$tags}?
late-tags-yes = Yes
late-tags-no = No
late-tags-done = Tagged {$links} with {$tags}.
late-tags-declined = OK, no tags added.

duplicate =
    Already saved on {$date}: {$link}
    Tags: {$tags}
duplicate-untagged =
    Already saved on {$date}: {$link}
    No tags yet.
duplicate-retag = Re-tag
link-not-found = That link is not in your log any more.
unknown-command = I do not know that command. /help lists what I can do.
button-expired = That button belongs to an old message and does nothing now.

cancel-done = Cancelled. Your links stay saved.
cancel-done-queued =
    Cancelled. Your links stay saved; { $count ->
        [one] 1 link waiting for its question was left untagged.
       *[other] { $count } links waiting for their question were left untagged.
    }
cancel-nothing = Nothing to cancel.

not-allowed = Sorry, this linklog is private. Ask its owner to add your Telegram id ({$id}) to ALLOWED_USER_IDS.
error-generic = Sorry, something went wrong on my side. Whatever you sent before is saved; please try that again.
slow-down = You are sending faster than I can read. I will skip your messages for a few seconds; send them again after that.

# The button that opens the Mini App (WEB_APP_URL).
open-library = 📚 Open library
# The menu button beside the message box that opens the Mini App (a word or two).
menu-library = Library
