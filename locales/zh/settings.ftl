# /timezone：输入的名称对应多个时区时（国家，或几大洲都有的同名城市）。/timezone 的其他回复在 recall.ftl。变量已由代码转义。

timezone-choose = “{$input}”横跨好几个时区，你在哪一个？
timezone-choice-invalid = 这个按钮对应的时区我不认识，请重新发送 /timezone。
