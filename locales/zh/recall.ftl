# /unread、/queue、/read、/today、/tags、链接卡片、/timezone。变量已由代码转义。

command-unread = 按天列出未读链接（#tag、oldest）
command-queue = 阅读队列，最早保存的在前（#tag）
command-read = 读过的链接，最近读的在前（week、#tag）
command-today = 今天保存、读完的链接和笔记
command-tags = 你的标签；可以重命名或合并
command-link = 查看一个链接的卡片：/link 12
command-timezone = 查看或设置你的时区

list-not-found = 这个列表已经失效了。再发一次命令，获取新的列表。
marked-read = 已标为已读 ✅
marked-unread = 已标为未读

unread-heading =
    <b>📚 未读：{$count}</b> {$filter}
    <i>{$order}。读完第 n 条就点 ✅ n，点 /link_… 查看卡片。</i>
queue-heading =
    <b>📖 阅读队列：{$count}</b> {$filter}
    <i>{$order}。挑下一篇来读，读完点 ✅ n。</i>
order-newest = 最新的在前
order-oldest = 最早的在前
unread-empty = 没有未读的了 🎉 发送或转发链接给我，把阅读清单填起来吧。
unread-empty-filtered = 没有带 {$filter} 标签的未读链接。/tags 查看你的标签；/unread 查看全部未读。
unread-usage =
    这里我看不懂“{$word}”。
    <code>/unread</code>：全部未读，最新的日期在前
    <code>/unread #elixir #beam</code>：只看同时带这些标签的链接
    <code>/unread oldest</code>：最早的在前
queue-usage =
    这里我看不懂“{$word}”。
    <code>/queue</code>：接下来读什么，最早保存的在前
    <code>/queue #elixir #beam</code>：只看同时带这些标签的链接
    <code>/queue newest</code>：最新的在前

# /read：读过的链接。$filter 已格式化，如“#rust · 最近 7 天（11月27日至12月3日）”。
read-heading =
    <b>✅ 已读：{$count}</b> {$filter}
    <i>最近读的在前。点 ↩️ n 把第 n 条放回阅读队列。</i>
read-period-week = 最近 7 天（{$range}）
read-period-month = 最近 30 天（{$range}）
read-period-day = {$date}
read-empty = 还没有读过的链接。读完一篇后，在 /queue 或 /unread 里点它的 ✅。
read-empty-filtered = 没有符合 {$filter} 的已读链接。<code>/read</code> 查看读过的全部链接。
read-queue-hint = 想找下一篇读什么？现在请用 /queue。
read-usage =
    这里我看不懂“{$word}”。
    <code>/read</code>：读过的链接，最近读的在前
    <code>/read week</code> 或 <code>/read month</code>：最近 7 天或 30 天
    <code>/read yesterday</code> 或 <code>/read 2026-11-20</code>：某一天
    <code>/read #elixir #beam</code>：只看同时带这些标签的链接

today-heading = <b>📅 今天 · {$date}</b>
day-heading = <b>📅 {$date}</b>
# 列表中这两天的日期标题，代替具体日期。
day-today = 今天
day-yesterday = 昨天
today-counts = 保存 {$saved} · 读完 {$read} · 笔记 {$notes} · 当前未读 {$unread}
today-saved = 保存
today-read = 读完
today-notes = 笔记
today-note = • <i>{$link}</i>：{$note}
today-empty = 这一天没有保存、阅读或笔记。
today-previous-day = ◀ 前一天
today-next-day = 后一天 ▶
today-usage =
    “{$word}”不是我认识的日期。
    <code>/today</code>、<code>/today yesterday</code> 或 <code>/today 2026-11-20</code>

tags-heading = <b>🏷 你的标签：{$count}</b>（未读 / 全部）
tags-line = #{$tag}：{$unread} / {$total}
tags-hint = 点标签查看它的未读链接。<code>/tags rename 旧名 新名</code> 可以重命名标签，或把它合并到已有的标签。
tags-empty = 还没有标签。保存链接后我问你时加上标签，或者在链接卡片里重新加。
tags-usage =
    <code>/tags</code>：所有标签及数量
    <code>/tags rename 旧名 新名</code>：重命名标签（<i>新名</i>已存在时会合并）
tags-rename-renamed = 已把 #{$from} 重命名为 #{$to}。
tags-rename-merged = 已把 #{$from} 合并到 #{$to}：原来的链接现在都带 #{$to}。
tags-rename-not-found = 你没有 #{$from} 这个标签。/tags 列出你的标签。
tags-rename-same = 它本来就叫这个名字。
tag-not-found = 这个标签已经没有了。

link-usage = 发送 <code>/link 12</code>（12 换成链接的编号），或者在任意列表里点 <code>/link_12</code>。
card-saved = 保存于{$date}
card-unread = 还没读
card-read = 读于{$date} ✅
card-tags = 标签：{$tags}
card-untagged = 还没有标签
card-source = 来自：{$source}
card-notes = {$count} 条笔记
card-notes-more = ……
card-note-hint = <i>回复这条消息就能加笔记。</i>
card-mark-read = ✅ 已读
card-mark-unread = ↩️ 未读
card-edit-tags = 🏷 标签
card-delete = 🗑 删除
card-delete-yes = 🗑 确定删除
card-delete-no = 保留

timezone-current =
    你的时区是 <b>{$zone}</b>。它决定“今天”是哪一天，也决定列表里的日期。
    用 <code>/timezone Europe/Berlin</code> 修改（任何 IANA 时区名都可以）。
timezone-invalid = “{$zone}”不是我认识的时区。请用 IANA 时区名，例如 <code>Europe/Berlin</code>、<code>America/New_York</code> 或 <code>Asia/Shanghai</code>。
