# The Mini App's page (src/miniapp/page/). The server sends this file to the page with the session; the page also
# carries a copy for the moments before it is signed in (a refused sign-in is told in these words too).

app-loading = Loading…
app-retry = Try again
app-cancel = Cancel
app-close = Close

app-error-unauthorized = This page must be opened from the bot in Telegram.
app-error-expired = This link has expired — close and open the library again from the bot.
app-error-forbidden = This bot is not open to your Telegram account.
app-error-network = Could not reach the bot. Check your connection and try again.
app-error-failed = Something went wrong. Please try again.
app-load-failed = Could not load this.

app-tabs-label = Views
app-tab-library = Library
app-tab-stats = Stats

app-search-label = Search your links
app-search-placeholder = Search titles, tags, notes
app-state-label = Which links to show
app-state-unread = Unread
app-state-read = Read
app-state-all = All
app-select = Select
app-selection-count = { $count ->
    [one] 1 selected
   *[other] { $count } selected
}
app-selection-done = Done
app-select-link = Select “{ $title }”

app-filters-button = Filters
app-filters-active = { $count ->
    [one] Filters: 1 on
   *[other] Filters: { $count } on
}
app-filters-title = Filters
app-filters-tags = Tags
app-filters-tags-hint = Links with every tag you pick.
app-filters-no-tags = No tags yet.
app-filters-sites = Sites
app-filters-dates = Saved between
app-filters-from = From
app-filters-to = To
app-filters-clear = Clear filters
app-filters-apply = Show links
app-filter-remove = Remove the filter { $name }

app-day-today = Today
app-day-yesterday = Yesterday
app-link-read = Read
app-link-unread = Unread
app-link-notes = { $count ->
    [one] 1 note
   *[other] { $count } notes
}
app-empty-unread = Nothing unread. Send the bot a link and it shows up here.
app-empty-read = Nothing read yet. Links you mark read are kept here.
app-empty-all = No links yet. Send the bot a link to start your library.
app-empty-filtered = No links match these filters.
app-empty-search = Nothing found for “{ $query }”.
app-search-everywhere = Search all links

app-bulk-label = Actions on the selected links
app-bulk-read = Mark read
app-bulk-unread = Mark unread
app-bulk-add-tag = Add tag
app-bulk-remove-tag = Remove tag
app-bulk-delete = Delete
app-bulk-none = Select some links first.
app-done-read = { $count ->
    [one] Marked 1 link read
   *[other] Marked { $count } links read
}
app-done-unread = { $count ->
    [one] Marked 1 link unread
   *[other] Marked { $count } links unread
}
app-done-add-tags = { $count ->
    [one] Tagged 1 link { $tag }
   *[other] Tagged { $count } links { $tag }
}
app-done-remove-tags = { $count ->
    [one] Took { $tag } off 1 link
   *[other] Took { $tag } off { $count } links
}
app-done-delete = { $count ->
    [one] Deleted 1 link
   *[other] Deleted { $count } links
}
app-done-restore = { $count ->
    [one] Brought back 1 link
   *[other] Brought back { $count } links
}
app-undo = Undo
app-undo-expired = Too late to undo: the links are gone for good.
app-tag-add-title = { $count ->
    [one] Add tags to 1 link
   *[other] Add tags to { $count } links
}
app-tag-remove-title = { $count ->
    [one] Remove tags from 1 link
   *[other] Remove tags from { $count } links
}
app-tag-name = Tags, separated by spaces
app-tag-add = Add
app-tag-remove = Remove
app-tag-remove-none = The selected links have no tags.

app-detail-open = Open
app-detail-mark-read = Mark read
app-detail-mark-unread = Mark unread
app-detail-saved = Saved
app-detail-read = Read
app-detail-not-read = Not yet
app-detail-tags = Tags
app-detail-no-tags = None
app-notes = Notes
app-notes-empty = No notes yet. Your thoughts on this link go here.
app-note-new = New note
app-note-add = Add note
app-note-edit = Edit
app-note-save = Save
app-note-delete = Delete
app-note-delete-confirm = Delete this note?
app-note-edited = edited { $date }

app-stats-chart = Links saved and read per week, and the backlog
app-stats-backlog = Unread
app-stats-read-per-week = Read a week
app-stats-saved-per-week = Saved a week
app-stats-streak = Reading streak
app-stats-streak-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
app-stats-streak-longest = { $count ->
    [one] longest: 1 day
   *[other] longest: { $count } days
}
app-stats-top-tags = Top tags
app-stats-top-sites = Top sites
