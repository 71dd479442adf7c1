# 按人们实际输入的方式理解命令，以及说明怎样才行的拒绝回复。以 HTML 模式发送：变量已由代码转义。

# 与已知命令相近的未知命令。$command 是 "/unread"，或带参数的 "<code>/search raft</code>"。
command-suggestion = 你是想用 {$command} 吗？
# 运行它的按钮；$command 是纯文本（"/search raft"）。
command-suggestion-run = ▶️ {$command}
command-suggestion-too-long = 内容太长，放不进按钮：请复制后重新发送。

# /link 12、/title 12 …、/refetch 12 所给的编号不是该用户的链接（从未有过，或已删除）。
link-number-not-found = 你的记录里没有编号为 {$id} 的链接。列表（/unread、/search）里标有每个链接的编号。

digest-size-range = 每日摘要可推荐 1 到 {$max} 个链接，例如 <code>/digest size 5</code>。

# 不是可导入格式的文件。$formats：".md, .markdown, .txt, .html, …"
document-not-importable =
    无法导入 <b>{$file}</b>：我只导入日志或书签的导出文件（{$formats}），详见 /import。
    想随文件保存链接，请把链接写在文件的说明文字里。
# 没有文字、因而也没有链接的消息。
nothing-to-save =
    我只保存链接，而你发来的{ $kind ->
        [document] 文件
        [photo] 图片
        [video] 视频
        [animation] 动图
        [sticker] 贴纸
        [voice] 语音
        [video_note] 视频消息
        [audio] 音频
        [venue] 地点
        [location] 位置
        [contact] 联系人
        [poll] 投票
        [dice] 骰子
       *[other] 消息
    }里没有链接。我能处理的是：
    • 链接，或任何带链接的消息（转发的帖子也可以）
    • 说明文字里带链接的图片、视频或文件
    • 日志或书签的导出文件（{$formats}），用来导入

# 只有文字的回复，所回复的消息不对应任何已保存的链接。
note-not-saved =
    你的回复没有存为笔记：你回复的那条消息不对应任何已保存的链接。
    要添加笔记，请回复保存该链接的那条消息（或它的卡片、列表），或发送 <code>/note 笔记内容</code>，记在你最近保存或打开的链接上。

# /stats 在 "/" 菜单里的说明。
command-stats = 阅读统计图：保存、读完、积压、连续阅读
