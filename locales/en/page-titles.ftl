# /title and /refetch. Variables arrive already escaped by the code.

command-title = Give a link your own title: /title 12 text
command-refetch = Fetch a link's page again: /refetch 12

title-usage = Send <code>/title 12 Your title</code> (or just <code>/title 12</code>, and then the title) with the link's number (tap <code>/link_12</code> in a list to see it). Your title is never replaced by the page's; <code>/title 12 -</code> goes back to the page's title.
title-set = Title set: <b>{$title}</b>
title-ask = Send me the new title for {$link}. (Send <code>-</code> to go back to the page's title, or /cancel.)
title-cleared = Your title is gone: the link shows its page's title again (or its address until the page is read).
refetch-usage = Send <code>/refetch 12</code> with the link's number to fetch its page title again.
refetch-queued = ⏳ Fetching the page again…
# The answer above, edited when the fetch ends.
refetch-done = 🔄 Fetched the page again. Its title: <b>{$title}</b>
refetch-done-own-title = 🔄 Fetched the page again. Its title: <b>{$title}</b>. Your own title <b>{$own}</b> stays; <code>/title {$id} -</code> switches to the page's.
refetch-no-title = 🔄 Fetched the page again, but it gives no title; the link keeps <b>{$title}</b>.
refetch-failed = ⚠️ Could not fetch the page: {$reason}. The link keeps its title.
refetch-failed-retry = ⚠️ Could not fetch the page: {$reason}. I will try again shortly.
# Why a fetch failed, after "Could not fetch the page:".
fetch-failure-bad-url = its address is not a valid web address
fetch-failure-bad-scheme = only http and https addresses can be fetched, not {$scheme}
fetch-failure-refused-address = the address leads to a private or local network, which I never fetch
fetch-failure-timeout = the site took too long to answer
fetch-failure-too-many-redirects = the page sent me through too many redirects
fetch-failure-http-status =
    { $status ->
        [401] the page needs a login (401)
        [403] the site refused me (403)
        [404] the page is not there any more (404)
        [410] the page is gone (410)
        [429] the site asked me to slow down (429)
       *[other] the site answered with error {$status}
    }
fetch-failure-not-a-page = it is not a web page but {$type}
fetch-failure-unsupported-encoding = the page is written in a text encoding I cannot read ({$encoding})
fetch-failure-network-error = the site could not be reached ({$code})
card-reading = 📖 {$minutes} min read
