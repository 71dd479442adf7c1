# /title and /refetch. Variables arrive already escaped by the code.

command-title = Give a link your own title: /title 12 text
command-refetch = Fetch a link's page again: /refetch 12

title-usage = Send <code>/title 12 Your title</code> (or just <code>/title 12</code>, and then the title) with the link's number (tap <code>/link_12</code> in a list to see it). Your title is never replaced by the page's; <code>/title 12 -</code> goes back to the page's title.
title-set = Title set: <b>{$title}</b>
title-ask = Send me the new title for {$link}. (Send <code>-</code> to go back to the page's title, or /cancel.)
title-cleared = Your title is gone: the link shows its page's title again (or its address until the page is read).
refetch-usage = Send <code>/refetch 12</code> with the link's number to fetch its page title again.
refetch-queued = I will fetch that page again in a moment.
card-reading = 📖 {$minutes} min read
