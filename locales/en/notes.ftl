# Notes: replies to link messages, /note, /notes. Sent with HTML parse mode: variables arrive escaped.

command-notes = Your notes by link: #tag, week, month, all, 2026-11, file
command-note = Add a note to the link you last saved or opened

note-added = 📝 Note added to {$link}.
note-moved = 📝 Note moved to {$link}.
note-choices =
    Your reply was about { $count ->
        [one] 1 link
       *[other] {$count} links
    }:
    {$links}
    Tap a number to move the note there.
note-move = Move to {$number}
note-move-done = Moved.
note-move-button = Move
note-delete = 🗑 Delete
note-move-ask =
    Move the note on {$link} to which link? Your latest:
    {$links}
note-move-nowhere = You have no other link to move the note on {$link} to.
note-back = ◀ Back
note-delete-ask = Delete this note on {$link}?
note-delete-yes = 🗑 Yes, delete it
note-delete-no = Keep it
note-deleted-from = 🗑 Note deleted from {$link}.
note-which-one = Which one is this note for? Tap its number ({$first}–{$last} on that page). Next time you can start the reply with it: <code>{$first} your note</code>.
note-reply-gone = Your reply is not there any more, so there is no note to save. Send it again.
note-already-there = The note is already on that link.
note-not-found = That note is not in your log any more.
note-usage =
    Write the note after the command: <code>/note the key idea is…</code>
    It goes to the link you last saved, sent again or opened as a card; the reply names it, with Move and Delete buttons. To note on another link, reply to any message about it (its save confirmation, a list, a link card).
note-no-links = You have no links yet, so there is nothing to note on. Send me a link first.

notes-heading =
    📝 <b>Notes</b> · {$period}{$filter}
    {$counts}
notes-counts =
    { $notes ->
        [one] 1 note
       *[other] {$notes} notes
    } on { $links ->
        [one] 1 link
       *[other] {$links} links
    }
notes-all-time = all time
notes-empty =
    { $scope ->
        [all] You have no notes yet.
        [all-tagged] You have no notes on links tagged {$tags} yet.
        [period-tagged] No notes on links tagged {$tags} in {$period}.
       *[period] No notes in {$period}.
    }
    To add one, reply to any message about a link (its save confirmation, a list, a link card) with your note, or send <code>/note your text</code> for the link you last saved or opened.
notes-file-title = linklog notes

notes-unknown = I do not understand “{$word}”.
notes-two-periods = Choose one period: “{$word}” is a second one.
notes-too-many-tags =
    { $max ->
        [one] 1 tag at most: “{$word}” is one too many.
       *[other] {$max} tags at most: “{$word}” is one too many.
    }
notes-usage =
    <b>/notes</b> shows your notes of the last 7 days, grouped by link. Add any of:
    • <code>#tag</code>: only links with that tag (several: links with all of them)
    • <code>week</code>, <code>month</code> (last 30 days), <code>all</code>, or a month such as <code>2026-11</code>
    • <code>file</code>: everything as a markdown file, notes complete (all time unless you name a period)
    Example: <code>/notes #rust month file</code>
