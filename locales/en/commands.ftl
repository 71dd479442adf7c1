# Commands as people type them, and refusals that say what would work. Sent with HTML parse mode: variables
# arrive already escaped by the code.

# An unknown command close to a known one. $command is "/unread", or "<code>/search raft</code>" with its argument.
command-suggestion = Did you mean {$command}?
# The button that runs it; $command is plain text ("/search raft").
command-suggestion-run = ▶️ {$command}
command-suggestion-too-long = That is too long for a button: copy it and send it again.

# /link 12, /title 12 …, /refetch 12 with a number that is no link of the user's (never was, or deleted since).
link-number-not-found = No link {$id} in your log. Your lists (/unread, /search) show each link's number.

digest-size-range = A digest proposes 1 to {$max} links. Try <code>/digest size 5</code>.

# A document that is not an export to import. $formats: ".md, .markdown, .txt, .html, …"
document-not-importable =
    I cannot import <b>{$file}</b>: I import exports of your log or bookmarks ({$formats}); /import tells more.
    To save a link with a file, put the link in its caption.
# Something sent without words, so without links.
nothing-to-save =
    I save links, and that { $kind ->
        [document] file
        [photo] photo
        [video] video
        [animation] GIF
        [sticker] sticker
        [voice] voice message
        [video_note] video message
        [audio] audio file
        [venue] place
        [location] location
        [contact] contact
        [poll] poll
        [dice] dice roll
       *[other] message
    } has none. What I can use:
    • a link, or any message with links (forwarded posts too)
    • a photo, video or file with a link in its caption
    • an export of your log or bookmarks ({$formats}) to import

# A reply with words only, to a message that is about no saved link.
note-not-saved =
    Your reply was not saved as a note: the message you replied to is not about a saved link.
    To add a note, reply to the message that saved the link (or its card, or a list), or send <code>/note your text</code> for the link you last saved or opened.

# The "/" menu entry of /stats.
command-stats = Your reading in a chart: saved, read, backlog, streak
