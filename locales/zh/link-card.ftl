# 链接卡片：按钮、修改笔记、删除与撤销。变量已由代码转义。

card-number = 编号 {$id}
card-edit-title = ✏️ 标题
card-refetch = 🔄 重新抓取
card-note-edit = ✏️ {$number}
card-note-delete = 🗑 {$number}
card-note-delete-yes = 🗑 删除第 {$number} 条笔记
card-note-ask =
    请发送 {$link} 上这条笔记的新内容。现在的内容是：
    <blockquote>{$text}</blockquote>
    发送 /cancel 保持不变。
card-note-updated = ✏️ 笔记已更新。
note-deleted = 笔记已删除。
card-deleted-named = 🗑 已删除 {$link}。{$minutes} 分钟内点“撤销”可以连同标签和笔记一起恢复。
card-undo = ↩️ 撤销
card-undo-gone = 太晚了：这个链接已经彻底删除。
card-undo-saved-again = 你在这期间又保存了这个网址，保留新保存的那条。
card-restored = 已恢复 ↩️
card-tags-hint = 点标签来添加或去掉。
card-tag-new = ＋ 新标签
card-tags-done = ✓ 完成
