# Mini App 页面（src/miniapp/page/）的文字。服务器在会话中把本文件发给页面；页面也自带一份，
# 用于登录之前（例如登录被拒时）显示。

app-loading = 加载中…
app-retry = 重试
app-cancel = 取消
app-close = 关闭

app-error-unauthorized = 请在 Telegram 中从机器人打开此页面。
app-error-expired = 此链接已过期，请关闭后从机器人重新打开链接库。
app-error-forbidden = 此机器人不对你的 Telegram 账号开放。
app-error-network = 无法连接到机器人，请检查网络后重试。
app-error-failed = 出了点问题，请重试。
app-load-failed = 加载失败。

app-tabs-label = 视图
app-tab-library = 链接库
app-tab-stats = 统计

app-search-label = 搜索链接
app-search-placeholder = 搜索标题、标签、笔记
app-state-label = 显示哪些链接
app-state-unread = 未读
app-state-read = 已读
app-state-all = 全部
app-select = 选择
app-selection-count = 已选 { $count } 项
app-selection-done = 完成
app-select-link = 选择“{ $title }”

app-filters-button = 筛选
app-filters-active = 筛选：已启用 { $count } 项
app-filters-title = 筛选
app-filters-tags = 标签
app-filters-tags-hint = 只显示带有所选全部标签的链接。
app-filters-no-tags = 还没有标签。
app-filters-sites = 网站
app-filters-dates = 保存日期
app-filters-from = 从
app-filters-to = 到
app-filters-clear = 清除筛选
app-filters-apply = 显示链接
app-filter-remove = 移除筛选条件 { $name }

app-day-today = 今天
app-day-yesterday = 昨天
app-link-read = 已读
app-link-unread = 未读
app-link-notes = { $count } 条笔记
app-empty-unread = 没有未读链接。把链接发给机器人，就会出现在这里。
app-empty-read = 还没有已读链接。标为已读的链接会保存在这里。
app-empty-all = 还没有链接。把链接发给机器人，开始建立你的链接库吧。
app-empty-filtered = 没有符合这些筛选条件的链接。
app-empty-search = 没有找到与“{ $query }”相关的内容。
app-search-everywhere = 在全部链接中搜索

app-bulk-label = 对所选链接的操作
app-bulk-read = 标为已读
app-bulk-unread = 标为未读
app-bulk-add-tag = 添加标签
app-bulk-remove-tag = 移除标签
app-bulk-delete = 删除
app-bulk-none = 请先选择链接。
app-done-read = 已将 { $count } 个链接标为已读
app-done-unread = 已将 { $count } 个链接标为未读
app-done-add-tags = 已为 { $count } 个链接添加 { $tag }
app-done-remove-tags = 已从 { $count } 个链接移除 { $tag }
app-done-delete = 已删除 { $count } 个链接
app-done-restore = 已恢复 { $count } 个链接
app-undo = 撤销
app-undo-expired = 来不及撤销了：这些链接已被永久删除。
app-tag-add-title = 为 { $count } 个链接添加标签
app-tag-remove-title = 从 { $count } 个链接移除标签
app-tag-name = 标签（用空格分隔）
app-tag-add = 添加
app-tag-remove = 移除
app-tag-remove-none = 所选链接没有标签。

app-detail-open = 打开
app-detail-mark-read = 标为已读
app-detail-mark-unread = 标为未读
app-detail-saved = 保存于
app-detail-read = 阅读于
app-detail-not-read = 尚未阅读
app-detail-tags = 标签
app-detail-no-tags = 无
app-notes = 笔记
app-notes-empty = 还没有笔记。关于这个链接的想法可以写在这里。
app-note-new = 新笔记
app-note-add = 添加笔记
app-note-edit = 编辑
app-note-save = 保存
app-note-delete = 删除
app-note-delete-confirm = 删除这条笔记？
app-note-edited = 编辑于 { $date }

app-stats-chart = 每周保存和阅读的链接数，以及未读积压
app-stats-backlog = 未读
app-stats-read-per-week = 每周阅读
app-stats-saved-per-week = 每周保存
app-stats-streak = 连续阅读
app-stats-streak-days = { $count } 天
app-stats-streak-longest = 最长 { $count } 天
app-stats-top-tags = 常用标签
app-stats-top-sites = 常见网站
