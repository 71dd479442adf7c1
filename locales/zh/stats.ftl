# /stats 和统计图。这里是纯文本，不是 HTML：图表按 SVG 转义，说明文字按 Telegram 转义。数字以数字传入，日期已按用户的语言写好（如“3月14日”）。

stats-empty = 还没有链接，图表上没什么可画的。发个链接给我，读完后 /stats 就能显示你每周的阅读了。

# 统计图（1280 × 960 的图片）。
stats-chart-title = 近 26 周的阅读
stats-chart-weekly = 每周保存与读完
stats-chart-backlog = 未读链接
stats-legend-saved = 保存
stats-legend-read = 读完
stats-legend-notes = 笔记
stats-legend-backlog = 未读
stats-legend-projection = 按当前速度
stats-chart-done = 全部读完了
stats-chart-catch-up = 预计{$date}读完
stats-chart-never = 照这个速度永远读不完：每周需读 {$needed} 篇
stats-streak = 连续阅读
stats-streak-days = {$days} 天
stats-streak-longest = 最长 {$days} 天
stats-top-tags = 常用标签
stats-top-sites = 常看网站
stats-top-none = 暂无

# 图片下的说明文字，一段话。
stats-summary-weeks = 近 26 周你保存了 {$saved} 个链接，读完 {$read} 个，写了 {$notes} 条笔记。
stats-summary-pace = 最近每周读完 {$read} 个、保存 {$saved} 个。
stats-summary-done = 没有未读的链接，全部读完了。
stats-summary-catch-up = 还有 {$backlog} 个未读；照这个速度，{$date}能读完，还需 {$weeks} 周。
stats-summary-never = 还有 {$backlog} 个未读，照这个速度永远读不完：每周读 {$needed} 个，才能在 {$horizon} 周内读完。
stats-summary-streak = 已连续阅读 {$current} 天（最长 {$longest} 天）。
stats-summary-tags = 常用标签：{$tags}。
stats-summary-sites = 常看网站：{$sites}。
# 说明文字的句子之间，以及名单中的名字之间。
stats-sentence-gap = {""}
stats-list-separator = 、
