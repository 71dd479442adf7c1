import { describe, expect, it } from "vitest";
import { normalizeUrl } from "../../src/links/normalize.js";

function keyOf(raw: string): string {
  const normalized = normalizeUrl(raw);
  expect(normalized, raw).not.toBeNull();
  return normalized!.key;
}

/** Each tracking name, added to a page that has a real parameter, must leave the key as without it. */
function withParam(page: string, names: readonly string[], value = "x1Y2"): [string, string, string][] {
  return names.map((name) => [name, `${page}${page.includes("?") ? "&" : "?"}${name}=${value}`, page]);
}

describe("one key for one page", () => {
  const globalNames = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
    "utm_id",
    "utm_anything_new",
    "mtm_campaign",
    "mtm_source",
    "mtm_kwd",
    "pk_campaign",
    "pk_kwd",
    "pk_source",
    "pk_vid",
    "itm_source",
    "itm_medium",
    "itm_campaign",
    "hsa_acc",
    "hsa_cam",
    "hsa_grp",
    "hsa_ad",
    "hsa_net",
    "_hsenc",
    "_hsmi",
    "__hstc",
    "__hssc",
    "__hsfp",
    "hsCtaTracking",
    "mkt_tok",
    "mc_cid",
    "mc_eid",
    "mc_tc",
    "fbclid",
    "gclid",
    "gbraid",
    "wbraid",
    "dclid",
    "msclkid",
    "twclid",
    "yclid",
    "ysclid",
    "srsltid",
    "_gl",
    "igshid",
    "igsh",
    "ig_rid",
    "spm",
    "scm",
  ];
  it.each(withParam("https://example.org/article?id=7", globalNames))("global %s", (_name, tracked, clean) => {
    expect(keyOf(tracked)).toBe(keyOf(clean));
  });

  it.each([
    ["UTM_SOURCE", "https://example.org/a?UTM_SOURCE=x", "https://example.org/a"],
    ["Utm_Medium", "https://example.org/a?Utm_Medium=x&id=1", "https://example.org/a?id=1"],
    ["FBCLID", "https://example.org/a?FBCLID=IwAR", "https://example.org/a"],
    ["GClid", "https://example.org/a?GClid=1", "https://example.org/a"],
    ["hsctatracking", "https://example.org/a?hsctatracking=1", "https://example.org/a"],
    ["YouTube SI", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&SI=abc", "https://youtube.com/watch?v=dQw4w9WgXcQ"],
    ["Reddit Share_ID", "https://www.reddit.com/r/rust/comments/1abc/x/?Share_ID=q", "https://reddit.com/r/rust/comments/1abc/x"],
    ["LinkedIn trackingid", "https://www.linkedin.com/posts/x-123?trackingid=q", "https://www.linkedin.com/posts/x-123?trackingId=r"],
    ["Guardian cmp", "https://www.theguardian.com/world/2024/a?cmp=share", "https://www.theguardian.com/world/2024/a"],
    ["Bilibili VD_SOURCE", "https://www.bilibili.com/video/BV1xx411c7mD?VD_SOURCE=ab", "https://www.bilibili.com/video/BV1xx411c7mD"],
    ["percent-encoded $deep_link", "https://www.reddit.com/r/rust/?%24deep_link=true", "https://www.reddit.com/r/rust/"],
    ["Facebook __cft__[0]", "https://www.facebook.com/groups/1/posts/2?__cft__[0]=AZ&__tn__=%2CO", "https://www.facebook.com/groups/1/posts/2"],
    ["Facebook __cft__%5B0%5D", "https://www.facebook.com/groups/1/posts/2?__cft__%5B0%5D=AZ", "https://www.facebook.com/groups/1/posts/2"],
  ])("names in any case: %s", (_what, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  const sites: [site: string, page: string, names: string[]][] = [
    ["YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", ["si", "feature", "pp", "ab_channel", "kw"]],
    ["youtu.be", "https://youtu.be/dQw4w9WgXcQ", ["si", "feature"]],
    ["YouTube Music", "https://music.youtube.com/watch?v=X1", ["si", "feature"]],
    ["Spotify", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", ["si", "pi", "dlsi"]],
    ["X", "https://x.com/jack/status/20", ["s", "t", "cxt", "ref_src", "ref_url"]],
    ["Twitter", "https://twitter.com/jack/status/20", ["s", "t", "cxt", "ref_src", "ref_url"]],
    ["Reddit", "https://www.reddit.com/r/rust/comments/1abc/title", ["share_id", "rdt", "ref", "ref_source"]],
    ["TikTok", "https://www.tiktok.com/@user/video/7300000000000000000", ["_t", "_r", "is_from_webapp", "sender_device", "web_id", "previous_page"]],
    ["Douyin", "https://www.douyin.com/video/7300000000000000000", ["_t", "_r", "is_from_webapp", "sender_device", "web_id", "previous_page"]],
    ["LinkedIn", "https://www.linkedin.com/posts/someone_activity-7100000000000000000-abcd", ["trk", "trackingId", "refId", "lipi"]],
    ["Facebook", "https://www.facebook.com/watch?v=1234567890", ["mibextid", "__tn__", "__cft__[0]"]],
    [
      "Bilibili",
      "https://www.bilibili.com/video/BV1xx411c7mD?p=2",
      [
        "spm_id_from",
        "vd_source",
        "share_source",
        "share_medium",
        "share_plat",
        "share_session_id",
        "share_tag",
        "share_from",
        "from_spmid",
        "buvid",
        "is_story_h5",
        "plat_id",
        "spmid",
        "timestamp",
        "unique_k",
        "up_id",
      ],
    ],
    [
      "WeChat",
      "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650&idx=1&sn=5e8f",
      [
        "chksm",
        "scene",
        "mpshare",
        "srcid",
        "sharer_shareinfo",
        "sharer_shareinfo_first",
        "sharer_sharetime",
        "sharer_shareid",
        "key",
        "ascene",
        "uin",
        "devicetype",
        "version",
        "lang",
        "exportkey",
        "acctmode",
        "pass_ticket",
        "wx_header",
      ],
    ],
    [
      "Xiaohongshu",
      "https://www.xiaohongshu.com/discovery/item/65a1b2c3d4e5f6a7b8c9d0e1",
      ["xsec_source", "app_platform", "app_version", "share_from_user_hidden", "share_id", "xhsshare", "apptime", "author_share", "type", "xsec_token"],
    ],
    ["Zhihu", "https://www.zhihu.com/question/123/answer/456", ["share_code", "utm_psn"]],
    ["Weibo", "https://weibo.com/1234567890/NabcDefGh", ["wm", "from", "sourcetype", "dt_dapp"]],
    ["Weibo mobile", "https://m.weibo.cn/status/NabcDefGh", ["wm", "from", "sourcetype"]],
    ["Douban", "https://movie.douban.com/subject/1292052/", ["_i", "dt_dapp", "dt_platform"]],
    [
      "Taobao",
      "https://item.taobao.com/item.htm?id=680000000000",
      ["spm", "scm", "pvid", "utparam", "ali_trackid", "abbucket", "sourceType", "suid", "ut_sk", "un", "share_crt_v", "sp_tk"],
    ],
    ["Tmall", "https://detail.tmall.com/item.htm?id=679540837892", ["bxsign", "tbSocialPopKey", "ali_refid", "union_lens", "spm"]],
    ["JD", "https://item.jd.com/100012043978.html", ["ad_od", "gx", "gxd", "pvid", "cu", "_ts", "utm_source"]],
    [
      "AliExpress",
      "https://www.aliexpress.com/item/1005005000000000.html",
      ["sk", "dp", "pvid", "aff_fcid", "aff_trace_key", "terminal_id", "algo_pvid", "gps-id", "scm_id"],
    ],
    ["AliExpress.us", "https://www.aliexpress.us/item/1005005000000000.html", ["aff_fcid", "algo_expid"]],
    ["CSDN", "https://blog.csdn.net/someone/article/details/130273107", ["ops_request_misc", "request_id", "biz_id", "depth_1-utm_source", "sharetype", "spm"]],
    [
      "Amazon",
      "https://www.amazon.com/dp/B08N5WRWNW",
      ["tag", "linkCode", "linkId", "ref_", "th", "psc", "pd_rd_w", "pd_rd_r", "pd_rd_i", "pf_rd_p", "pf_rd_r", "crid", "keywords", "qid", "sprefix", "sr"],
    ],
    ["Amazon.de", "https://www.amazon.de/dp/B08N5WRWNW", ["tag", "psc", "qid"]],
    ["Amazon.co.uk", "https://www.amazon.co.uk/dp/B08N5WRWNW", ["tag", "th"]],
    ["Wikipedia", "https://en.wikipedia.org/wiki/Uniform_Resource_Locator", ["wprov"]],
    ["GitHub", "https://github.com/nodejs/node/issues/1", ["email_source", "email_token"]],
    ["NYT", "https://www.nytimes.com/2024/01/01/world/story.html", ["smid", "referringSource"]],
    ["Guardian", "https://www.theguardian.com/world/2024/jan/01/story", ["CMP"]],
    ["BBC", "https://www.bbc.com/news/world-12345678", ["at_medium", "at_campaign", "at_custom1", "xtor"]],
    ["BBC UK", "https://www.bbc.co.uk/news/world-12345678", ["at_medium", "at_link_origin"]],
    ["Medium", "https://medium.com/@someone/a-story-1a2b3c4d5e6f", ["source"]],
    ["IMDb", "https://www.imdb.com/title/tt0111161/", ["ref_", "pf_rd_m"]],
    ["Steam", "https://store.steampowered.com/app/620/", ["snr"]],
    ["Instagram", "https://www.instagram.com/p/Cx1AbC/", ["igsh", "igshid", "ig_rid"]],
  ];
  const sitePairs = sites.flatMap(([site, page, names]) => withParam(page, names).map(([name, a, b]) => [`${site} ${name}`, a, b]));
  it.each(sitePairs)("%s", (_what, tracked, clean) => {
    expect(keyOf(tracked)).toBe(keyOf(clean));
  });

  it.each([
    ["Amazon /ref= after the product", "https://www.amazon.com/dp/B08N5WRWNW/ref=sr_1_1?keywords=echo&qid=1", "https://www.amazon.com/dp/B08N5WRWNW"],
    ["Amazon /ref= in gp/product", "https://www.amazon.com/gp/product/B08N5WRWNW/ref=ppx_yo_dt_b_asin_title", "https://amazon.com/gp/product/B08N5WRWNW"],
    ["Amazon.co.jp /ref=", "https://www.amazon.co.jp/dp/B0C1/ref=cm_sw_r_cp_api", "https://www.amazon.co.jp/dp/B0C1"],
    [
      "Reddit share link with all its tags",
      "https://www.reddit.com/r/rust/comments/1abc/title/?share_id=q&utm_content=1&utm_medium=ios_app&utm_name=iossmf&utm_source=share&utm_term=1",
      "https://www.reddit.com/r/rust/comments/1abc/title/",
    ],
    [
      "WeChat share with its trailing anchor",
      "https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=5e8f&chksm=84&scene=21#wechat_redirect",
      "https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=5e8f",
    ],
    [
      "Bilibili app share",
      "https://www.bilibili.com/video/BV1xx411c7mD/?share_source=copy_web&vd_source=6ab&spm_id_from=333.788",
      "https://www.bilibili.com/video/BV1xx411c7mD",
    ],
    [
      "Xiaohongshu tokens differ between shares",
      "https://www.xiaohongshu.com/explore/65a1?xsec_token=AB1&xsec_source=pc_share",
      "https://www.xiaohongshu.com/explore/65a1?xsec_token=CD2&xsec_source=app_share",
    ],
    ["TikTok app share", "https://www.tiktok.com/@user/video/73?_t=8abc&_r=1&is_from_webapp=1&sender_device=pc", "https://www.tiktok.com/@user/video/73"],
    ["X share", "https://x.com/jack/status/20?s=46&t=AbCdEfGh", "https://twitter.com/jack/status/20"],
    ["Spotify share", "https://open.spotify.com/track/4uLU?si=a1b2c3&pi=u-xyz", "https://open.spotify.com/track/4uLU"],
  ])("%s", (_what, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    ["t.me Instant View", "https://t.me/iv?url=https%3A%2F%2Fexample.org%2Fpost%3Fid%3D1&rhash=abc", "https://example.org/post?id=1"],
    ["telegram.me Instant View", "https://telegram.me/iv?url=https://example.org/post&rhash=1", "https://example.org/post"],
    ["Facebook outbound link", "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa%3Ffbclid%3DIwAR&h=AT0", "https://example.org/a"],
    ["Facebook mobile outbound link", "https://lm.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa&h=AT0", "https://example.org/a"],
    ["Google redirect with url=", "https://www.google.com/url?sa=t&rct=j&url=https%3A%2F%2Fexample.org%2Fa&ved=2ah", "https://example.org/a"],
    ["Google redirect with q=", "https://www.google.com/url?q=https://example.org/a&sa=D&usg=AOv", "https://example.org/a"],
    ["Google redirect on a country domain", "https://www.google.co.uk/url?q=https://example.org/a", "https://example.org/a"],
    ["Google AMP", "https://www.google.com/amp/s/example.org/news/story.amp", "https://example.org/news/story.amp"],
    ["Zhihu outbound link", "https://link.zhihu.com/?target=https%3A//github.com/nodejs/node", "https://github.com/nodejs/node"],
    ["Zhihu outbound link, http target", "https://link.zhihu.com/?target=http%3A%2F%2Fexample.org%2Fa", "https://example.org/a"],
    ["YouTube redirect", "https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Fexample.org%2Fa", "https://example.org/a"],
    ["a wrapper's target is normalized too", "https://t.me/iv?url=https%3A%2F%2Fyoutu.be%2Fabc%3Fsi%3Dx", "https://www.youtube.com/watch?v=abc"],
    [
      "a wrapper inside a wrapper",
      "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%253A%252F%252Fexample.org%252Fa",
      "https://example.org/a",
    ],
  ])("wrapper: %s", (_what, wrapped, target) => {
    expect(keyOf(wrapped)).toBe(keyOf(target));
  });

  it.each([
    ["x.com and twitter.com", "https://x.com/jack/status/20", "https://twitter.com/jack/status/20"],
    ["mobile.x.com and twitter.com", "https://mobile.x.com/jack/status/20", "https://twitter.com/jack/status/20"],
    ["www.twitter.com and x.com", "https://www.twitter.com/jack", "https://x.com/jack"],
    ["fxtwitter.com and x.com", "https://fxtwitter.com/jack/status/20", "https://x.com/jack/status/20"],
    ["vxtwitter.com and x.com", "https://vxtwitter.com/jack/status/20", "https://x.com/jack/status/20"],
    ["mobile.twitter.com and x.com", "https://mobile.twitter.com/jack/status/20?s=20", "https://x.com/jack/status/20"],
    ["telegram.me and t.me", "https://telegram.me/durov/123", "https://t.me/durov/123"],
    ["old.reddit.com and reddit.com", "https://old.reddit.com/r/rust/comments/1abc/title/", "https://www.reddit.com/r/rust/comments/1abc/title/"],
    ["bare reddit.com and www.", "https://reddit.com/r/rust/", "https://www.reddit.com/r/rust/"],
    ["new.reddit.com and old.reddit.com", "https://new.reddit.com/r/rust/", "https://old.reddit.com/r/rust/"],
    ["YouTube shorts and watch", "https://www.youtube.com/shorts/aBcD_123xyz", "https://www.youtube.com/watch?v=aBcD_123xyz"],
    ["YouTube shorts and youtu.be", "https://youtube.com/shorts/aBcD_123xyz?si=Q", "https://youtu.be/aBcD_123xyz"],
    ["YouTube m.shorts and watch", "https://m.youtube.com/shorts/aBcD_123xyz?feature=share", "https://youtube.com/watch?v=aBcD_123xyz"],
    ["YouTube embed and watch", "https://www.youtube.com/embed/aBcD_123xyz", "https://www.youtube.com/watch?v=aBcD_123xyz"],
    ["YouTube live and watch", "https://www.youtube.com/live/aBcD_123xyz?si=1", "https://www.youtube.com/watch?v=aBcD_123xyz"],
    ["youtu.be and watch with its time", "https://youtu.be/aBcD_123xyz?t=42", "https://www.youtube.com/watch?v=aBcD_123xyz&t=42&feature=youtu.be"],
  ])("alias: %s", (_what, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });

  it.each([
    ["a plain heading anchor", "https://example.org/guide#installation", "https://example.org/guide"],
    ["another heading anchor", "https://example.org/guide#step-2-configure", "https://example.org/guide#step-3"],
    ["GitHub comment anchor", "https://github.com/nodejs/node/issues/1#issuecomment-123456", "https://github.com/nodejs/node/issues/1"],
    ["GitHub line anchor", "https://github.com/nodejs/node/blob/main/README.md#L10-L20", "https://github.com/nodejs/node/blob/main/README.md"],
    ["an empty fragment", "https://example.org/a#", "https://example.org/a"],
    ["a scroll-to-text directive", "https://example.org/a#:~:text=hello%20world", "https://example.org/a"],
    [
      "a percent-encoded Chinese heading",
      "https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B#%E5%8E%86%E5%8F%B2",
      "https://zh.wikipedia.org/wiki/%E8%BF%9B%E7%A8%8B",
    ],
  ])("in-page anchors: %s", (_what, a, b) => {
    expect(keyOf(a)).toBe(keyOf(b));
  });
});

describe("different pages keep different keys", () => {
  it.each([
    ["state fragment #code/", "https://playground.example.org/#code/AbC", "https://playground.example.org/#code/XyZ"],
    ["state fragment #json=", "https://excalidraw.com/#json=abc,def", "https://excalidraw.com/#json=ghi,jkl"],
    ["#json= and no fragment", "https://excalidraw.com/#json=abc,def", "https://excalidraw.com/"],
    ["#@name", "https://app.example.org/#@alice", "https://app.example.org/#@bob"],
    ["#! route", "https://example.org/#!/a", "https://example.org/#!/b"],
    ["#/ route", "https://example.org/#/inbox", "https://example.org/#/sent"],
    ["fragment with a colon", "https://matrix.to/#room:example.org", "https://matrix.to/#other:example.org"],
    ["Mega-style key", "https://mega.example/file/AbC#k3yMaterialAbc123XyZ", "https://mega.example/file/AbC#k3yMaterialAbc999XyZ"],
    ["long opaque token and none", "https://share.example.org/view#a1B2c3D4e5F6g7H8i9", "https://share.example.org/view"],
    ["YouTube videos", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=9bZkp7q19f0"],
    ["YouTube ids differing in case", "https://youtu.be/abcDEF", "https://youtu.be/ABCdef"],
    ["YouTube shorts", "https://www.youtube.com/shorts/aaa111", "https://www.youtube.com/shorts/bbb222"],
    ["YouTube video and its playlist", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["YouTube Music and YouTube", "https://music.youtube.com/watch?v=X1", "https://www.youtube.com/watch?v=X1"],
    ["WeChat __biz", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=5e8f", "https://mp.weixin.qq.com/s?__biz=MzA2&mid=2650&idx=1&sn=5e8f"],
    ["WeChat mid", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=5e8f", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2651&idx=1&sn=5e8f"],
    ["WeChat idx", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=5e8f", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=2&sn=5e8f"],
    ["WeChat sn", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=5e8f", "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=0000"],
    ["WeChat short article paths", "https://mp.weixin.qq.com/s/AbCdEf", "https://mp.weixin.qq.com/s/GhIjKl"],
    ["Bilibili videos", "https://www.bilibili.com/video/BV1xx411c7mD", "https://www.bilibili.com/video/BV1yy411c7mE"],
    ["Bilibili pages p=", "https://www.bilibili.com/video/BV1xx411c7mD?p=1", "https://www.bilibili.com/video/BV1xx411c7mD?p=2"],
    ["Bilibili p= and none", "https://www.bilibili.com/video/BV1xx411c7mD?p=3&vd_source=a", "https://www.bilibili.com/video/BV1xx411c7mD"],
    ["Bilibili bangumi episodes", "https://www.bilibili.com/bangumi/play/ep1", "https://www.bilibili.com/bangumi/play/ep2"],
    ["Amazon products", "https://www.amazon.com/dp/B08N5WRWNW?tag=x", "https://www.amazon.com/dp/B07XJ8C8F5?tag=x"],
    ["Amazon products behind /ref=", "https://www.amazon.com/dp/B08N5WRWNW/ref=a", "https://www.amazon.com/dp/B07XJ8C8F5/ref=a"],
    ["Amazon search words", "https://www.amazon.com/s?k=kindle", "https://www.amazon.com/s?k=echo"],
    ["Amazon stores", "https://www.amazon.de/dp/B08N5WRWNW", "https://www.amazon.com/dp/B08N5WRWNW"],
    ["Taobao items", "https://item.taobao.com/item.htm?id=1&spm=a", "https://item.taobao.com/item.htm?id=2&spm=a"],
    ["JD items", "https://item.jd.com/100012043978.html", "https://item.jd.com/100012043979.html"],
    ["Xiaohongshu notes", "https://www.xiaohongshu.com/explore/65a1?xsec_token=A", "https://www.xiaohongshu.com/explore/65a2?xsec_token=A"],
    ["Douyin user sec_uid", "https://www.iesdouyin.com/share/user/1?sec_uid=MS4wLjABAAAA1", "https://www.iesdouyin.com/share/user/1?sec_uid=MS4wLjABAAAA2"],
    ["tweets", "https://x.com/jack/status/20", "https://x.com/jack/status/21"],
    ["X and another site with that path", "https://x.com/jack", "https://example.com/jack"],
    ["Telegram posts", "https://t.me/durov/123", "https://t.me/durov/124"],
    ["Reddit and other reddit subdomains", "https://www.reddit.com/r/rust/", "https://i.reddit.com/r/rust/"],
    ["Google searches", "https://www.google.com/search?q=rust&ved=1", "https://www.google.com/search?q=go&ved=1"],
    ["Google redirect without a link", "https://www.google.com/url?q=just%20words", "https://www.google.com/url?q=other%20words"],
    ["t.me/iv to different articles", "https://t.me/iv?url=https%3A%2F%2Fexample.org%2Fa", "https://t.me/iv?url=https%3A%2F%2Fexample.org%2Fb"],
    ["Zhihu answers", "https://www.zhihu.com/question/1/answer/2", "https://www.zhihu.com/question/1/answer/3"],
    ["Wikipedia languages", "https://en.wikipedia.org/wiki/Rust", "https://de.wikipedia.org/wiki/Rust"],
  ])("%s", (_what, a, b) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  // A name that is tracking on one site is often a real parameter on another.
  const elsewhere: [name: string, trackedOn: string, pages: string[]][] = [
    ["s", "X", ["https://example.org/search?s=rust", "https://wordpress.example.org/?s=kittens", "https://www.youtube.com/results?s=1"]],
    ["t", "X", ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "https://example.org/video?t=90", "https://www.twitch.tv/videos/1?t=1h2m"]],
    ["si", "YouTube and Spotify", ["https://example.org/a?si=3"]],
    [
      "ref",
      "Reddit and Amazon",
      ["https://example.org/a?ref=main", "https://github.com/nodejs/node/tree/main?ref=v20", "https://example.org/compare?ref=feature"],
    ],
    ["source", "Medium", ["https://example.org/a?source=docs", "https://github.com/search?source=code", "https://www.tiktok.com/@user/video/73?source=1"]],
    [
      "from",
      "Weibo and WeChat",
      ["https://example.org/convert?from=usd", "https://www.bilibili.com/video/BV1xx411c7mD?from=search", "https://example.org/flights?from=LHR"],
    ],
    ["type", "Xiaohongshu", ["https://example.org/list?type=book", "https://www.zhihu.com/search?type=content"]],
    ["version", "WeChat", ["https://example.org/docs?version=2", "https://pypi.example.org/p?version=1.0"]],
    ["lang", "WeChat", ["https://example.org/docs?lang=en", "https://www.bilibili.com/video/BV1xx411c7mD?lang=en"]],
    ["key", "WeChat", ["https://example.org/map?key=abc", "https://docs.google.com/spreadsheets/d/1/edit?key=2"]],
    ["timestamp", "Bilibili and TikTok", ["https://example.org/log?timestamp=1700000000", "https://www.youtube.com/watch?v=1&timestamp=2"]],
    ["scene", "WeChat", ["https://example.org/game?scene=3"]],
    ["wm", "Weibo", ["https://example.org/a?wm=3"]],
    ["feature", "YouTube", ["https://example.org/a?feature=dark-mode"]],
    ["tag", "Amazon", ["https://example.org/posts?tag=rust", "https://www.ebay.example/?tag=2"]],
    ["th", "Amazon", ["https://example.org/a?th=1"]],
    ["sr", "Amazon", ["https://example.org/a?sr=8"]],
    ["keywords", "Amazon", ["https://example.org/search?keywords=rust"]],
    ["ref_", "Amazon and IMDb", ["https://example.org/a?ref_=nav"]],
    ["trk", "LinkedIn", ["https://example.org/a?trk=9"]],
    ["cmp", "the Guardian", ["https://example.org/a?CMP=1"]],
    ["snr", "Steam", ["https://example.org/a?snr=1"]],
    ["wprov", "Wikipedia", ["https://example.org/a?wprov=sfla1"]],
    ["_i", "Douban", ["https://example.org/a?_i=5"]],
    ["share_code", "Zhihu", ["https://example.org/a?share_code=1"]],
    ["xsec_token", "Xiaohongshu (key only)", ["https://example.org/a?xsec_token=1"]],
    ["id", "nowhere", ["https://www.amazon.com/a?id=1", "https://mp.weixin.qq.com/s?id=1", "https://www.bilibili.com/a?id=1"]],
  ];
  const elsewherePairs = elsewhere.flatMap(([name, site, pages]) =>
    pages.map((page): [string, string, string] => [`${name} (tracking only on ${site}) at ${page}`, page, page.replace(/[?&][^?&]+$/, "")]),
  );
  it.each(elsewherePairs)("%s", (_what, withIt, without) => {
    expect(keyOf(withIt)).not.toBe(keyOf(without));
  });
});

describe("the URL shown", () => {
  it.each([
    ["drops tracking and keeps real parameters in their order", "https://example.org/a?z=1&utm_source=x&b=2&fbclid=y&a=3", "https://example.org/a?z=1&b=2&a=3"],
    ["drops names in any case", "https://example.org/a?UTM_Source=x&id=1", "https://example.org/a?id=1"],
    [
      "keeps xsec_token on Xiaohongshu",
      "https://www.xiaohongshu.com/explore/65a1?xsec_token=AB1&xsec_source=pc_share&type=normal",
      "https://www.xiaohongshu.com/explore/65a1?xsec_token=AB1",
    ],
    [
      "keeps a WeChat article's identity",
      "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=5e8f&chksm=84&scene=21#wechat_redirect",
      "https://mp.weixin.qq.com/s?__biz=MzA1&mid=2650&idx=1&sn=5e8f#wechat_redirect",
    ],
    [
      "keeps Bilibili's page number",
      "https://www.bilibili.com/video/BV1xx411c7mD?spm_id_from=333&p=2&vd_source=ab",
      "https://www.bilibili.com/video/BV1xx411c7mD?p=2",
    ],
    [
      "drops Amazon's /ref= segment",
      "https://www.amazon.com/Echo-Dot/dp/B08N5WRWNW/ref=sr_1_1?keywords=echo&qid=1&sr=8-1&th=1",
      "https://www.amazon.com/Echo-Dot/dp/B08N5WRWNW",
    ],
    ["keeps Amazon's search words", "https://www.amazon.com/s?k=kindle&crid=2X&sprefix=kin", "https://www.amazon.com/s?k=kindle"],
    [
      "keeps YouTube's time and drops its share tags",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42&si=abc&feature=share&pp=yg",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
    ],
    ["keeps the YouTube shorts URL as sent", "https://youtube.com/shorts/aBcD_123xyz?si=Q", "https://youtube.com/shorts/aBcD_123xyz"],
    ["keeps the host alias as sent", "https://x.com/jack/status/20?s=46&t=Ab", "https://x.com/jack/status/20"],
    ["keeps old.reddit.com as sent", "https://old.reddit.com/r/rust/?share_id=1&utm_source=share", "https://old.reddit.com/r/rust/"],
    ["keeps s on other sites", "https://example.org/search?s=rust&utm_medium=x", "https://example.org/search?s=rust"],
    [
      "shows the target of t.me/iv",
      "https://t.me/iv?url=https%3A%2F%2Fexample.org%2Fpost%3Fid%3D1%26utm_source%3Dtg&rhash=abc",
      "https://example.org/post?id=1",
    ],
    [
      "shows the target of a Facebook link",
      "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1%26fbclid%3DIwAR&h=AT0",
      "https://example.org/a?b=1",
    ],
    ["shows the target of a Google redirect", "https://www.google.com/url?sa=t&url=https%3A%2F%2Fexample.org%2Fa%23part&ved=2", "https://example.org/a#part"],
    ["shows the page behind Google AMP", "https://www.google.com/amp/s/example.org/news/story.amp?x=1", "https://example.org/news/story.amp?x=1"],
    ["shows the target of a Zhihu link", "https://link.zhihu.com/?target=https%3A//github.com/nodejs/node", "https://github.com/nodejs/node"],
    ["keeps a Google redirect that holds no link", "https://www.google.com/url?q=just%20words", "https://www.google.com/url?q=just%20words"],
    ["keeps fragments, anchors included", "https://example.org/guide?utm_source=x#installation", "https://example.org/guide#installation"],
    [
      "keeps a Spotify track without its share ids",
      "https://open.spotify.com/track/4uLU?si=a1b2c3&pi=u-xyz&context=spotify%3Aalbum",
      "https://open.spotify.com/track/4uLU?context=spotify%3Aalbum",
    ],
  ])("%s", (_what, raw, display) => {
    expect(normalizeUrl(raw)?.display).toBe(display);
  });

  it("gives the URL shown the same key as the link sent", () => {
    for (const raw of [
      "https://www.xiaohongshu.com/explore/65a1?xsec_token=AB1&xsec_source=pc_share",
      "https://t.me/iv?url=https%3A%2F%2Fyoutu.be%2Fabc%3Fsi%3Dx",
      "https://www.amazon.com/dp/B08N5WRWNW/ref=sr_1_1?th=1",
      "https://excalidraw.com/#json=abc,def",
      "https://example.org/a#:~:text=x",
    ]) {
      const normalized = normalizeUrl(raw)!;
      expect(normalizeUrl(normalized.display)?.key, raw).toBe(normalized.key);
    }
  });
});
