# The daily digest and /digest. Variables arrive already escaped by the code.

command-digest = Your daily digest: time, on/off, preview

digest-heading = ☀️ Your linklog · {$date}
digest-yesterday = Yesterday: saved {$saved} · read {$read} · notes {$notes}
digest-streak =
    { $days ->
        [one] 🔥 1 day of reading
       *[other] 🔥 {$days} days of reading in a row
    }
digest-up-next = Up next
digest-revisit = Revisit your notes
digest-unread =
    { $count ->
        [one] 📚 1 unread link · /unread
       *[other] 📚 {$count} unread links · /unread
    }
digest-all-read = 📚 Nothing unread. Send me links to fill your list.
digest-empty = Nothing for a digest yet: no unread links and no notes to revisit. Send me links to read later.
digest-snoozed = Snoozed: out of the digest for a week 💤
digest-item-read = ✅ read
digest-item-snoozed = 💤 snoozed until {$date}

digest-settings-on =
    ☀️ Your daily digest is <b>on</b>: every day at <b>{$time}</b> ({$zone}).
    It proposes { $size ->
        [one] 1 unread link
       *[other] {$size} unread links
    }, brings back notes to revisit, and {$always}.

    <code>/digest 07:30</code> or <code>/digest 9pm</code> changes the time · <code>/digest size 5</code> how many links
    <code>/digest always</code> or <code>quiet</code> · <code>/digest off</code> · <code>/digest now</code> for a preview
    Your time zone: /timezone
digest-settings-off =
    ☀️ Your daily digest is <b>off</b>. Turn it on with <code>/digest on</code> (it would come at {$time}, {$zone}).
digest-always-yes = comes even on days with nothing to read
digest-always-no = stays quiet on days with nothing to read
digest-button-on = Turn on
digest-button-off = Turn off
digest-button-now = Send one now
digest-usage =
    I do not understand “{$word}”.
    <code>/digest</code>: your setting · <code>/digest 08:30</code>, <code>/digest 9pm</code> or <code>/digest 晚上9点</code>: the time
    <code>/digest on</code> / <code>off</code> · <code>/digest size 3</code> (1–10) · <code>/digest always</code> / <code>quiet</code> · <code>/digest now</code>
