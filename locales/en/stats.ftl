# /stats and its chart. These are plain text, not HTML: the chart escapes them for SVG and the caption for
# Telegram. Numbers arrive as numbers, dates already written in the user's language ("Mar 14").

stats-empty = No links yet, so there is nothing to chart. Send me a link, read it, and /stats will show your weeks.

# The chart (a 1280 × 960 picture).
stats-chart-title = Your reading, last 26 weeks
stats-chart-weekly = Saved and read per week
stats-chart-backlog = Unread links
stats-legend-saved = Saved
stats-legend-read = Read
stats-legend-notes = Notes
stats-legend-backlog = Unread
stats-legend-projection = At this pace
stats-chart-done = All read
stats-chart-catch-up = Caught up by {$date}
stats-chart-never = Never at this pace: read {$needed} a week
stats-streak = Reading streak
stats-streak-days = { $days ->
    [one] 1 day
   *[other] {$days} days
}
stats-streak-longest = longest {$days}
stats-top-tags = Top tags
stats-top-sites = Top sites
stats-top-none = none yet

# The caption under the picture, one paragraph.
stats-summary-weeks = In the last 26 weeks you saved { $saved ->
    [one] 1 link
   *[other] {$saved} links
}, read {$read} and wrote { $notes ->
    [one] 1 note
   *[other] {$notes} notes
}.
stats-summary-pace = Lately you read {$read} and save {$saved} a week.
stats-summary-done = Nothing is unread: you are all caught up.
stats-summary-catch-up = { $backlog ->
    [one] 1 link is
   *[other] {$backlog} links are
} unread; at this pace you catch up by {$date}, in { $weeks ->
    [one] a week
   *[other] {$weeks} weeks
}.
stats-summary-never = { $backlog ->
    [one] 1 link is
   *[other] {$backlog} links are
} unread, and at this pace you never catch up: reading {$needed} a week would clear them within {$horizon} weeks.
stats-summary-streak = Reading streak: { $current ->
    [one] 1 day
   *[other] {$current} days
} (longest {$longest}).
stats-summary-tags = Top tags: {$tags}.
stats-summary-sites = Top sites: {$sites}.
# Between the caption's sentences, and between the names of a list.
stats-sentence-gap = {" "}
stats-list-separator = {", "}
