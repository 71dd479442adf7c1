# /search。变量已由代码转义。

command-search = 按关键词或 #tag 查找链接

search-usage =
    <b>/search</b> 按标题、网址、标签和笔记里的词查找链接。每个词都要出现；输入词的开头就够了。

    <code>/search elixir structs</code>
    <code>/search 进程调度</code>：中文、日文和韩文也可以
    <code>/search #rust async</code>：带 #rust 标签、并且提到 async 的链接

search-header =
    <b>🔎 找到 { $count } 个链接</b>：“{ $query }”
    <i>最相关的在前。读完第 n 条就点 ✅ n，点 /link_… 查看卡片。</i>

search-nothing =
    🔎 没有找到与“{ $query }”相关的链接。

    试试少用几个词、只输入词的开头（<code>elix</code> 能找到 elixir）、换个拼写，或者搜标签：<code>/search #rust</code>。只发 /search 可以查看用法。

search-shortened =
    <i>只搜索了开头部分：最多 { $max } 个不同的词，而且只在前 { $length } 个字符之内。</i>
