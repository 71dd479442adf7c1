# 导入（发送文件）和 /export。变量已由代码转义。

command-import = 导入你的日志或书签
command-export = 把整个记录导出为文件：md、html、csv、json

import-how =
    把你的日志或书签作为文件发给我，导入前我会先给你看里面有什么：
    • <b>.md</b> / <b>.txt</b>：markdown 学习日志（按日期分节，✅ 表示已读，链接下面是笔记）
    • <b>.html</b>：任何浏览器导出的书签，以及 Pocket、Raindrop、Karakeep、Pinboard 的导出
    • <b>.csv</b> 或 <b>.zip</b>：Pocket 或 Raindrop 的导出文件
    • <b>.json</b>：linklog 自己的导出文件、Linkwarden 的备份、Karakeep、Omnivore（或它的 <b>.zip</b>）、wallabag、Pinboard、Chrome 的 <code>Bookmarks</code> 文件、Firefox 的书签备份
    • Telegram 桌面版导出的聊天记录：<b>result.json</b>、<b>messages.html</b>，或打包这些页面的 <b>.zip</b>
    同一个文件导入两次，不会多出任何内容。/export 可以把所有内容导出。
import-preview = 📥 <b>{$file}</b>（{$format}）
import-counts = 链接：{$found} · 已保存过：{$saved} · 已读：{$read} · 有笔记：{$notes}
import-tags = 标签：{$tags}
import-dates = 保存于{$first}至{$last}
import-date = 全部保存于{$date}
import-format-markdown = markdown 日志
import-format-netscape = Netscape 书签 HTML
import-format-unknown = 未知格式
import-format-telegram = Telegram 导出
import-invalid = 不是网页链接，已跳过：{$count}
import-cut = ⚠️ 这个文件里的链接超过 {$max} 个：只读取、也只导入前 {$max} 个。
import-problems = ⚠️ 有 {$count} 行我没看懂：
import-problem = 第 {$line} 行：<code>{$text}</code>
import-button-go = 导入
import-button-cancel = 取消
import-nothing = 在 <b>{$file}</b>（{$format}）里没有找到链接。是不是发错文件了？/import 列出我能读的格式。
import-too-large = 文件太大了：我最多能读 {$mib} MiB 的文件。
import-gone = 这次导入已经完成或取消了。
import-cancelled = 已取消导入：什么都没有导入。
import-progress = 正在导入……{$done} / {$total}
import-waiting =
    { $ahead ->
        [1] ⏳ 正在读取另一个导入，下一个就轮到你。
       *[other] ⏳ 你前面还有 {$ahead} 个导入在读取，之后就轮到你。
    }
import-failed = ❌ 导入失败，什么都没有保存。请稍后再试；如果还是失败，文件可能已经损坏。
import-done = ✅ 已导入 {$total} 个链接：新增 {$added} 个，{$updated} 个已保存的链接补上了标签、笔记或已读标记，新增 {$notes} 条笔记。/unread 可以查看。
import-fetching-titles = 正在后台获取 {$count} 个链接的网页标题。

export-usage = 无法导出为“{$word}”。请用 <code>/export</code>（markdown）或以下格式之一：{$formats}。
# markdown 导出的第一行和书签导出的标题。markdown 标题必须是导入程序认识的（src/portable/markdown-log.ts 里的
# EXPORT_HEADINGS），否则文件再导入时就不会被当作导出文件。
export-markdown-heading = linklog 导出
export-bookmarks-title = 书签
export-caption = 你的 linklog：{$count} 个链接。

# 导入文件中读不懂的地方，预览里会显示。纯文本：由代码转义。数量和大小不分组，和文件里的数字一致。
problem-more = ……从这里往后还有 { NUMBER($count, useGrouping: 0) } 个问题
problem-in-entry = {$entry}：{$problem}
problem-not-understood = {$text}
problem-no-links = 这个文件里没有找到链接
problem-empty-file = 文件是空的
problem-not-text = 这看起来不是文本文件
problem-not-zip = 这不是 zip 文件
problem-csv-unclosed-quote = 有一个带引号的单元格没有闭合
problem-csv-after-quote = 单元格的右引号后面还有文字
problem-csv-unknown-header = 无法识别的 CSV 表头：{$row}
problem-csv-no-url = 这一行没有网址：{$row}
problem-csv-empty = 没有表头行：这个 CSV 文件是空的
problem-html-no-address = 一个没有地址的链接：{$title}
problem-html-no-address-untitled = 一个没有地址的链接：（无标题）
problem-bad-date = 无法识别的日期：{$date}；这个链接将记为导入的时间
problem-json-too-deep = 这个 JSON 嵌套超过 {$max} 层，比我认识的任何导出文件都深
problem-json-invalid = 这不是有效的 JSON
problem-json-not-linklog = 不是 linklog 导出文件：需要有 "format": "linklog"、"version" 和 "links" 列表
problem-json-newer = 这是更新版本的 linklog 写的（格式版本 { NUMBER($version, useGrouping: 0) }）；请先更新这个机器人
problem-json-field =
    {$field}：{ $issue ->
        [invalid_type] 这里应该是 { $expected }
        [too_small] 不能为空
        [invalid_format] 应该是带时区偏移的 ISO 8601 日期时间，和 linklog 写的一样
       *[other] 和 linklog 写的内容不一样
    }
problem-json-record = 不是链接记录
problem-json-unknown = 我不认识这种 JSON：它不是我能读取的任何一种格式（{$formats}）
problem-zip-too-many-files = zip 里的文件超过 { NUMBER($max, useGrouping: 0) } 个；什么都没有导入
problem-zip-too-large-mib = zip 解压后超过 { NUMBER($mib, useGrouping: 0) } MiB；什么都没有导入
problem-zip-too-large-bytes = zip 解压后超过 { NUMBER($bytes, useGrouping: 0) } 字节；什么都没有导入
problem-zip-packed-too-tightly = zip 解压后超过原大小的 { NUMBER($ratio, useGrouping: 0) } 倍；什么都没有导入
problem-zip-damaged = 这个 zip 已损坏或不完整
problem-zip-no-csv = 这个 zip 里没有 CSV 或 JSON 文件
problem-zip-entry-method = 用了 linklog 无法解压的压缩方式（{$method}）
problem-zip-entry-damaged = 已损坏：无法解压
problem-zip-entry-not-text = 不是文本文件
