start-welcome =
    Hi {$name}! I keep your study log of links.

    • Send or forward me messages with links: I save every link and ask for tags.
    • Reply to the message that saved a link to add a note.
    • Send me your old log, or a Pocket or browser export, to import it.
start-ask-zone = 🕗 Which time zone are you in? It decides what “today” means and when your daily digest comes: tap your city, share your location, or choose Other….
start-zone-known = 🕗 Time zone {$zone}, {$time} there now. {$digest} /help lists every command.
start-digest-on = Your digest comes every day at {$time} (/digest changes it).
start-digest-off = The daily digest is off (/digest turns it on).
zone-button-location = 📍 Send my location
zone-button-other = Other…
zone-other = Send <code>/timezone</code> with your city or UTC offset, for example <code>/timezone Berlin</code>, <code>/timezone 上海</code> or <code>/timezone UTC+8</code>.
zone-chosen = 🕗 Time zone set to <b>{$zone}</b>, {$time} there now. {$digest}
zone-digest-today = Your next digest comes today at {$time}.
zone-digest-tomorrow = Your next digest comes tomorrow at {$time}.
language-choose = Which language should I write in?
language-set = From now on I write in English.
command-language = Language: English or 中文
bot-description = linklog keeps your study log of links. Send or forward any message with links: every link is saved once and tagged. Reply to add notes; /unread, /today and /search bring links back, and a daily digest at your hour says what to read next. Import your old log or a Pocket or browser export, and export everything back whenever you like.
bot-short-description = Your study log of links: save, tag, note and find them, with a daily reading digest.
digest-zone-unset = your time zone, not set yet: /timezone
