# /search. Variables arrive already escaped by the code.

command-search = Find links by words or #tags

search-usage =
    <b>/search</b> finds your links by the words in their title, address, tags and notes. Every word must occur; the start of a word is enough.

    <code>/search elixir structs</code>
    <code>/search 进程调度</code>: Chinese, Japanese and Korean work too
    <code>/search #rust async</code>: links tagged #rust that mention async

search-header =
    <b>🔎 { $count ->
        [one] 1 link
       *[other] { $count } links
    }</b> for “{ $query }”
    <i>Best matches first. Tap ✅ n when you have read item n, /link_… for its card.</i>

search-nothing =
    🔎 Nothing found for “{ $query }”.

    Try fewer words, the start of a word (<code>elix</code> finds elixir), another spelling, or a tag: <code>/search #rust</code>. /search alone shows what it can do.

search-shortened =
    <i>Only the start was searched: { $max ->
        [one] 1 word
       *[other] { $max } different words
    } at most, within the first { $length } characters.</i>
