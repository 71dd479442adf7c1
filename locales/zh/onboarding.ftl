start-welcome =
    你好，{$name}！我帮你记录学习用的链接。

    • 发送或转发带链接的消息：每个链接我都会保存，并问你加什么标签。
    • 回复保存链接的那条消息，就能给它加笔记。
    • 把你以前的记录文件，或 Pocket、浏览器导出的书签发给我，就能导入。
start-ask-zone = 🕗 你在哪个时区？它决定“今天”从几点算起，也决定每日摘要什么时候送到：点你的城市、发送位置，或选“其他…”。
start-zone-known = 🕗 时区 {$zone}，当地现在 {$time}。{$digest}/help 列出所有命令。
start-digest-on = 每日摘要在 {$time} 送到（用 /digest 修改）。
start-digest-off = 每日摘要已关闭（用 /digest 打开）。
zone-button-location = 📍 发送我的位置
zone-button-other = 其他…
zone-other = 请发送 <code>/timezone</code> 加上你的城市或 UTC 时差，例如 <code>/timezone 上海</code>、<code>/timezone Berlin</code> 或 <code>/timezone UTC+8</code>。
zone-chosen = 🕗 时区已设为 <b>{$zone}</b>，当地现在 {$time}。{$digest}
zone-digest-today = 下一份摘要今天 {$time} 送到。
zone-digest-tomorrow = 下一份摘要明天 {$time} 送到。
language-choose = 你希望我用哪种语言回复？
language-set = 以后我会用中文回复。
command-language = 语言：English 或中文
bot-description = linklog 帮你记录学习用的链接。发送或转发任何带链接的消息，每个链接都会保存一次并加上标签。回复消息就能添加笔记；/unread、/today 和 /search 帮你找回链接，每天在你定的时间还会有一份摘要，告诉你接下来读什么。可以导入以前的记录或 Pocket、浏览器书签，也能随时导出全部数据。
bot-short-description = 你的学习链接记录：保存、标签、笔记、搜索，每天一份阅读摘要。
digest-zone-unset = 你的时区，尚未设置：/timezone
