# 每日摘要和 /digest。变量已由代码转义。

command-digest = 每日摘要：时间、开关、预览

digest-heading = ☀️ 你的 linklog · {$date}
digest-yesterday = 昨天：保存 {$saved} · 读完 {$read} · 笔记 {$notes}
digest-streak = 🔥 已连续阅读 {$days} 天
digest-up-next = 接下来读
digest-revisit = 回顾笔记
digest-unread = 📚 {$count} 个未读链接 · /unread
digest-all-read = 📚 没有未读的了。发链接给我，把阅读清单填起来吧。
digest-empty = 还没有能做摘要的内容：没有未读链接，也没有要回顾的笔记。把想稍后读的链接发给我吧。
digest-snoozed = 已推迟：一周内不再出现在摘要里 💤
digest-item-read = ✅ 已读
digest-item-snoozed = 💤 已推迟到 {$date}

digest-settings-on =
    ☀️ 每日摘要已<b>开启</b>：每天 <b>{$time}</b>（{$zone}）。
    每次推荐 {$size} 个未读链接，带回要回顾的笔记；{$always}。

    <code>/digest 07:30</code> 改时间 · <code>/digest size 5</code> 改链接数
    <code>/digest always</code> 或 <code>quiet</code> · <code>/digest off</code> · <code>/digest now</code> 预览
    你的时区：/timezone
digest-settings-off =
    ☀️ 每日摘要已<b>关闭</b>。发送 <code>/digest on</code> 开启，开启后每天 {$time}（{$zone}）发送。
digest-always-yes = 没什么可读的日子也照常发送
digest-always-no = 没什么可读的日子就不打扰你
digest-button-on = 开启
digest-button-off = 关闭
digest-button-now = 现在发一份
digest-usage =
    我看不懂“{$word}”。
    <code>/digest</code>：查看设置 · <code>/digest 08:30</code>：发送时间（00:00–23:59）
    <code>/digest on</code> / <code>off</code> · <code>/digest size 3</code>（1–10）· <code>/digest always</code> / <code>quiet</code> · <code>/digest now</code>
