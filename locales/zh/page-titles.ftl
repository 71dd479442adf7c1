# /title 和 /refetch。变量已由代码转义。

command-title = 给链接起个自己的标题：/title 12 标题
command-refetch = 重新抓取链接的网页：/refetch 12

title-usage = 发送 <code>/title 12 你的标题</code>（或者只发 <code>/title 12</code>，然后再发标题），12 换成链接的编号（在列表里点 <code>/link_12</code> 就能看到）。你起的标题不会被网页标题替换；<code>/title 12 -</code> 恢复网页标题。
title-set = 标题已设为：<b>{$title}</b>
title-ask = 请发送“{$link}”的新标题。（发送 <code>-</code> 恢复网页标题，或发送 /cancel 取消。）
title-cleared = 你起的标题已去掉：链接重新显示网页标题（网页读取之前显示网址）。
refetch-usage = 发送 <code>/refetch 12</code>（12 换成链接的编号），重新获取网页标题。
refetch-queued = ⏳ 正在重新抓取网页…
# 抓取结束后，上面这条回复会被改成结果。
refetch-done = 🔄 已重新抓取网页，标题是：<b>{$title}</b>
refetch-done-own-title = 🔄 已重新抓取网页，网页标题是：<b>{$title}</b>。你自己起的标题 <b>{$own}</b> 保持不变；发送 <code>/title {$id} -</code> 可改用网页标题。
refetch-no-title = 🔄 已重新抓取网页，但网页没有标题；链接仍显示 <b>{$title}</b>。
refetch-failed = ⚠️ 没能抓取网页：{$reason}。链接的标题保持不变。
refetch-failed-retry = ⚠️ 没能抓取网页：{$reason}。我稍后会再试一次。
# 抓取失败的原因，跟在“没能抓取网页：”后面。
fetch-failure-bad-url = 这不是有效的网址
fetch-failure-bad-scheme = 只能抓取 http 和 https 网址，不能抓取 {$scheme}
fetch-failure-refused-address = 这个网址指向私有或本地网络，出于安全考虑不会抓取
fetch-failure-timeout = 网站响应太慢，超时了
fetch-failure-too-many-redirects = 网页重定向的次数太多
fetch-failure-http-status =
    { $status ->
        [401] 网页需要登录（401）
        [403] 网站拒绝了访问（403）
        [404] 网页已经不存在了（404）
        [410] 网页已被删除（410）
        [429] 网站要求放慢访问频率（429）
       *[other] 网站返回了错误 {$status}
    }
fetch-failure-not-a-page = 这不是网页，而是 {$type}
fetch-failure-unsupported-encoding = 网页用了我读不了的文字编码（{$encoding}）
fetch-failure-network-error = 连不上网站（{$code}）
card-reading = 📖 约 {$minutes} 分钟读完
