# 所有回复都以 HTML 格式发送：变量已由代码转义。
# 中文与英文、数字、命令之间留一个空格，与全角标点相邻时不留；日期变量（如“12月2日”）本身就是中文，两侧不留空格。

# 不显示给用户：日期所用的语言区域（src/views/dates.ts），按 Intl 的写法。
date-locale = zh-CN

help =
    <b>linklog</b> 帮你保存链接，以及它们的标签和笔记。

    发送或转发带链接的消息即可保存。回复任何与链接相关的消息，就能给它加笔记。

    /unread：按天列出未读链接（<code>/unread #tag</code>、<code>/unread oldest</code>）
    /queue：阅读队列，最早保存的在前（<code>/queue #tag</code>）；/next 也一样
    /read：读过的链接，最近读的在前（<code>/read week</code>、<code>month</code>、<code>#tag</code>、<code>2026-11-20</code>）
    /today：今天保存、读完的链接和写的笔记，可翻页，也可翻到前几天（<code>/today yesterday</code>、<code>/today 2026-11-20</code>）
    /search：按标题、网址、标签或笔记查找链接（<code>/search 进程</code>）
    /notes：最近 7 天的笔记（<code>/notes #tag</code>、<code>week</code>、<code>month</code>（30 天）、<code>all</code>、<code>2026-11</code>、<code>file</code>）
    /note：给最近保存或打开的链接加笔记（<code>/note 笔记内容</code>）
    /tags：你的标签（<code>/tags rename 旧名 新名</code>）
    /stats：近 26 周的统计图：保存与读完、未读积压和预计读完的日子、连续阅读、常用标签和网站
    /link：查看一个链接的卡片（<code>/link 12</code>）
    /title：给链接起个自己的标题（<code>/title 12 标题</code>，或先发 <code>/title 12</code> 再发标题；<code>/title 12 -</code> 恢复网页标题）；/refetch 12 重新抓取网页
    /digest：每日摘要（<code>/digest 08:30</code>、<code>晚上9点</code>、<code>off</code>、<code>now</code>、<code>size 5</code>）
    /timezone：你的时区（<code>/timezone 北京</code>、<code>UTC+8</code>、<code>Europe/Berlin</code>）
    /language：English 或中文
    /import：导入你的 markdown 日志或书签（直接发文件）
    /export：把整个记录导出为文件（<code>/export md</code>、<code>html</code>、<code>csv</code>、<code>json</code>）
    /start：这个机器人能做什么
    /help：本列表
    /cancel：关闭当前的标签提问（链接仍然保存）或标题输入

command-start = 这个机器人能做什么
command-help = 列出所有命令
command-cancel = 结束当前的提问

no-links = 这条消息里没有找到链接。发送或转发一条带链接的消息（http… 或 example.org），我就会保存。

# 中文里 1 的复数类别是 other，所以区分“一个”和“多个”用 [1]，不用 [one]。
tag-question =
    { $count ->
        [1] 已保存：
       *[other] 已保存 { $count } 个链接：
    }
    {$links}

    <b>加什么标签？</b>点选建议、输入标签（<code>elixir beam</code>），或点“跳过”。写一句完整的话会存为笔记。
tag-question-retag =
    重新加标签：
    {$links}

    <b>加什么标签？</b>点按可选中或取消，也可以输入标签，点“完成”保留当前选择。
tag-burst =
    从 { $messages } 条消息中保存了 { $count } 个链接：
    {$links}

    <b>加什么标签？</b>可以一起加、按消息逐条加，或者跳过。
tag-burst-together = 一起加标签
tag-burst-one-by-one = 逐条加
tag-burst-split =
    已保存 { $count } 个链接：下面按消息逐条问你标签。
    {$links}
tag-known-too = 其中 { $count } 个链接之前已经保存过。
tag-skip = 跳过
tag-done = 完成
tag-confirmation =
    { $count ->
        [1] 已保存：
       *[other] 已保存 { $count } 个链接：
    }
    {$links}
    标签：{$tags}
tag-confirmation-untagged =
    { $count ->
        [1] 已保存 · 无标签：
       *[other] 已保存 { $count } 个链接 · 无标签：
    }
    {$links}
tag-also-untagged = 这期间还保存了 { $count } 个链接，也没有标签。
tag-button = 🏷 加标签
tag-button-more = 🏷 给其余 { $count } 个加标签
tag-question-expired = 这个标签提问已经关闭了。再发一次链接就能重新加标签。
tag-queued =
    { $count ->
        [1] 已保存。当前的提问结束后，我马上问它的标签。
       *[other] 已保存 { $count } 个链接。当前的提问结束后，我马上问它们的标签。
    }
links-count = { $count } 个链接
note-on-question = 📝 已作为笔记记在 {$links} 上。标签提问还开着。
note-undo = 撤销
note-undone = 笔记已删除。
answer-tags-or-note = 这是标签，还是笔记？
answer-as-tags = 标签：{$tags}
answer-as-note = 存为笔记
answer-taken-as-tags = 已作为标签：{$tags}
late-tags = 给 {$links} 加上 {$tags}？
late-tags-yes = 好
late-tags-no = 不用
late-tags-done = 已给 {$links} 加上 {$tags}。
late-tags-declined = 好的，没有加标签。

duplicate =
    这个链接{$date}已经保存过：{$link}
    标签：{$tags}
duplicate-untagged =
    这个链接{$date}已经保存过：{$link}
    还没有标签。
duplicate-retag = 重新加标签
link-not-found = 这个链接已经不在你的记录里了。
unknown-command = 我不认识这个命令。/help 列出我能做的事。
button-expired = 这个按钮属于一条旧消息，现在已经不起作用了。

cancel-done = 已取消。链接都还保存着。
cancel-done-queued = 已取消，链接都还保存着；有 { $count } 个等待提问的链接没有加标签。
cancel-nothing = 没有可以取消的。

not-allowed = 抱歉，这个 linklog 是私人的。请让它的主人把你的 Telegram ID（{$id}）加到 ALLOWED_USER_IDS 里。
error-generic = 抱歉，我这边出了点问题。你之前发的内容都已保存，请再试一次。
slow-down = 你发得太快，我读不过来了。接下来几秒的消息我会跳过，稍后请重新发送。

# The button that opens the Mini App (WEB_APP_URL).
open-library = 📚 打开链接库
# The menu button beside the message box that opens the Mini App (a word or two).
menu-library = 链接库
