# Link cards: their buttons, note edits, delete and undo. Variables arrive already escaped by the code.

card-number = № {$id}
card-edit-title = ✏️ Title
card-refetch = 🔄 Refetch
card-note-edit = ✏️ {$number}
card-note-delete = 🗑 {$number}
card-note-delete-yes = 🗑 Delete note {$number}
card-note-ask =
    Send me the new text of this note on {$link}. It reads now:
    <blockquote>{$text}</blockquote>
    /cancel keeps it as it is.
card-note-updated = ✏️ Note updated.
note-deleted = Note deleted.
card-deleted-named = 🗑 Deleted {$link}. Tap Undo within {$minutes} minutes to bring it back with its tags and notes.
card-undo = ↩️ Undo
card-undo-gone = Too late: that link is gone for good.
card-undo-saved-again = You saved that address again meanwhile; the new link stays.
card-restored = Back in your log ↩️
card-tags-hint = Tap a tag to add it or take it off.
card-tag-new = ＋ New tag
card-tags-done = ✓ Done
