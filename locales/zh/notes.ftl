# 笔记：回复与链接相关的消息、/note、/notes。以 HTML 格式发送：变量已由代码转义。

command-notes = 按链接查看笔记：#tag、week、month、all、2026-11、file
command-note = 给最近保存或打开的链接加笔记

note-added = 📝 笔记已加到 {$link}。
note-moved = 📝 笔记已移到 {$link}。
note-choices =
    你回复的消息涉及 {$count} 个链接：
    {$links}
    点数字就能把笔记移过去。
note-move = 移到 {$number}
note-move-done = 已移动。
note-move-button = 移动
note-delete = 🗑 删除
note-move-ask =
    把 {$link} 上的这条笔记移到哪个链接？你最近的链接：
    {$links}
note-move-nowhere = 你没有别的链接可以接收 {$link} 上的这条笔记。
note-back = ◀ 返回
note-delete-ask = 删除 {$link} 上的这条笔记吗？
note-delete-yes = 🗑 确定删除
note-delete-no = 保留
note-deleted-from = 🗑 已删除 {$link} 上的笔记。
note-which-one = 这条笔记是记在哪一条上的？点它的编号（这一页是 {$first}–{$last}）。下次可以直接在回复开头写编号：<code>{$first} 你的笔记</code>。
note-reply-gone = 你的回复已经不在了，没有可保存的笔记。请重新发送。
note-already-there = 笔记本来就在这个链接上。
note-not-found = 这条笔记已经不在你的记录里了。
note-usage =
    把笔记写在命令后面：<code>/note 关键在于……</code>
    它会记在你最近保存或打开的链接上。想记在别的链接上，就回复与它相关的任何消息（保存确认、列表、链接卡片）。
note-no-links = 你还没有保存过链接，没有地方记笔记。先发一个链接给我吧。

notes-heading =
    📝 <b>笔记</b> · {$period}{$filter}
    {$counts}
notes-counts = {$links} 个链接，共 {$notes} 条笔记
notes-all-time = 全部时间
notes-empty =
    { $scope ->
        [all] 你还没有笔记。
        [all-tagged] 带 {$tags} 标签的链接上还没有笔记。
        [period-tagged] {$period}，带 {$tags} 标签的链接上没有笔记。
       *[period] {$period}没有笔记。
    }
    加笔记的方法：用你的笔记回复任何与链接相关的消息（保存确认、列表、链接卡片），或者发送 <code>/note 笔记内容</code> 记在最近保存或打开的链接上。
notes-file-title = linklog 笔记

notes-unknown = 我看不懂“{$word}”。
notes-two-periods = 只能选一个时间段：“{$word}”是第二个。
notes-too-many-tags = 最多 {$max} 个标签：“{$word}”多了一个。
notes-usage =
    <b>/notes</b> 按链接分组，显示你最近 7 天的笔记。可以加上：
    • <code>#tag</code>：只看带这个标签的链接（多个标签：要全部带有）
    • <code>week</code>、<code>month</code>（最近 30 天）、<code>all</code>，或某个月，如 <code>2026-11</code>
    • <code>file</code>：全部导出成 markdown 文件，笔记完整（不指定时间段就导出全部）
    例如：<code>/notes #rust month file</code>
