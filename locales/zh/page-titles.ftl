# /title 和 /refetch。变量已由代码转义。

command-title = 给链接起个自己的标题：/title 12 标题
command-refetch = 重新抓取链接的网页：/refetch 12

title-usage = 发送 <code>/title 12 你的标题</code>（或者只发 <code>/title 12</code>，然后再发标题），12 换成链接的编号（在列表里点 <code>/link_12</code> 就能看到）。你起的标题不会被网页标题替换；<code>/title 12 -</code> 恢复网页标题。
title-set = 标题已设为：<b>{$title}</b>
title-ask = 请发送“{$link}”的新标题。（发送 <code>-</code> 恢复网页标题，或发送 /cancel 取消。）
title-cleared = 你起的标题已去掉：链接重新显示网页标题（网页读取之前显示网址）。
refetch-usage = 发送 <code>/refetch 12</code>（12 换成链接的编号），重新获取网页标题。
refetch-queued = 我稍后会重新抓取这个网页。
card-reading = 📖 约 {$minutes} 分钟读完
