/**
 * The rules `normalizeUrl` applies: which query parameters are tracking (dropped from the key and the URL
 * shown), which hosts are one site, which links only wrap another. Data only, compiled once by normalize.ts.
 *
 * Names are compared lower-cased and percent-decoded. A `prefixes` entry matches every name that starts with
 * it ("utm_" is utm_*). Sites are given by host and match their subdomains too; "amazon.*" stands for the
 * name under any country ending (amazon.de, amazon.co.uk). A parameter is dropped only where a group lists
 * it: every other parameter stays, so a page is never merged with another on a guess.
 *
 * Sources, cited per group below:
 * - ClearURLs: github.com/ClearURLs/Rules, data.min.json (providers; `globalRules` for the global names)
 * - AdGuard URL Tracking filter: github.com/AdguardTeam/AdguardFilters, TrackParamFilter/sections/general_url.txt
 *   (global) and TrackParamFilter/sections/specific.txt (per site)
 * - Firefox "Copy Clean Link": github.com/mozilla/gecko-dev, toolkit/components/antitracking/StripOnShareLists/
 *   MPL2/StripOnShare.json and LGPL/StripOnShareLGPL.json
 * - Brave query filter: github.com/brave/brave-core, components/query_filter/utils.cc
 * - uBlock Origin: github.com/uBlockOrigin/uAssets, filters/privacy.txt
 * Where none of them lists a site's share parameters, the group says so and names what it was read from.
 */

export interface ParamGroup {
  /** Whole names. */
  names?: readonly string[];
  /** Name beginnings: "utm_" drops every utm_* name. */
  prefixes?: readonly string[];
}

export interface SiteRules extends ParamGroup {
  /** Hosts the rules apply to, their subdomains included. */
  hosts: readonly string[];
  /** Parameters that leave the key but stay in the URL shown, because the page needs them to open. */
  keyOnly?: readonly string[];
  /** Path segments of the form "/ref=…" are tracking (Amazon). */
  refPathSegments?: boolean;
}

/** A link that only sends the reader on to the URL in one of its parameters (or in its path, after `pathPrefix`). */
export interface Wrapper {
  hosts: readonly string[];
  /** The wrapper's path, compared exactly (after trailing slashes are dropped; "" is the root). */
  path?: string;
  /** The parameters that may hold the target, first found wins. */
  params?: readonly string[];
  /** The target follows this path prefix, without its scheme (Google AMP: /amp/s/example.org/a). */
  pathPrefix?: string;
}

/** Parameters dropped on every site. */
export const GLOBAL_PARAMS: readonly ParamGroup[] = [
  // Campaign tags: Google Analytics utm_*, Matomo mtm_* / Piwik pk_*, internal itm_*, HubSpot ads hsa_* and
  // email/cookie _hs*/__hs*, Mailchimp mc_*. AdGuard general_url.txt (UTM, ITM, Matomo/Piwik, Hubspot,
  // MailChimp sections); ClearURLs globalRules (utm, mtm, itm_, __hs*, _hsenc, mc_(eid|cid|tc)).
  { prefixes: ["utm_", "mtm_", "pk_", "itm_", "hsa_", "_hs", "__hs", "mc_"], names: ["hsctatracking"] },
  // Ad click ids: Marketo, Facebook, Google (gclid, gbraid, wbraid, dclid, gclsrc, _gl, _ga, srsltid),
  // Microsoft, X, Yandex. AdGuard general_url.txt; Brave kSimpleQueryStringTrackers; ClearURLs globalRules.
  {
    names: ["mkt_tok", "fbclid", "gclid", "gbraid", "wbraid", "dclid", "gclsrc", "msclkid", "twclid", "yclid", "ysclid", "ymclid", "srsltid", "_gl", "_ga"],
  },
  // Instagram share ids. Brave scopes igsh/igshid to instagram.com and Firefox StripOnShare.json lists
  // igshid/ig_rid for it, but Instagram's app puts them on links to other sites too.
  { names: ["igshid", "igsh", "ig_rid"] },
  // Alibaba's page-position tags, added by Taobao, Tmall, AliExpress, Youku, CSDN and others. ClearURLs
  // globalRules (spm); ClearURLs providers taobao.com, aliexpress, sohu (scm).
  { names: ["spm", "scm"] },
  // Email and affiliate click ids. Brave kSimpleQueryStringTrackers; AdGuard general_url.txt.
  {
    names: [
      "_branch_match_id",
      "_bhlid",
      "_kx",
      "_openstat",
      "irclickid",
      "s_cid",
      "vero_id",
      "vero_conv",
      "oly_anon_id",
      "oly_enc_id",
      "rb_clickid",
      "wickedid",
      "ml_subscriber",
      "ml_subscriber_hash",
      "guce_referrer",
      "guce_referrer_sig",
      "guccounter",
      "fb_action_ids",
      "fb_action_types",
      "fb_ref",
      "fb_source",
    ],
  },
];

export const SITE_PARAMS: readonly SiteRules[] = [
  // ClearURLs provider youtube (feature, kw, si, pp); Firefox StripOnShareLGPL.json youtube. ab_channel is the
  // channel name YouTube's web player appends to a watch URL; it names no other video.
  { hosts: ["youtube.com", "youtu.be", "youtube-nocookie.com"], names: ["si", "feature", "pp", "ab_channel", "kw"] },
  // ClearURLs spotify.com and Firefox StripOnShare.json spotify (si); AdGuard specific.txt open.spotify.com
  // (si, _branch_referrer). pi and dlsi are further ids of Spotify's share sheet, not in those lists.
  { hosts: ["spotify.com"], names: ["si", "pi", "dlsi", "_branch_referrer"] },
  // ClearURLs twitter and x ((ref_)?src, s, cn, ref_url, t); Firefox StripOnShareLGPL.json twitter (refsrc,
  // cxt, s); Brave scoped trackers (ref_src, ref_url). The fx/vx mirrors carry the same share parameters.
  {
    hosts: ["twitter.com", "x.com", "fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com"],
    names: ["s", "t", "cxt", "cn", "src", "ref_src", "refsrc", "ref_url"],
  },
  // ClearURLs reddit; AdGuard specific.txt reddit.com; Firefox StripOnShareLGPL.json reddit.
  {
    hosts: ["reddit.com"],
    names: [
      "share_id",
      "rdt",
      "ref",
      "ref_source",
      "ref_campaign",
      "correlation_id",
      "post_fullname",
      "_branch_referrer",
      "$deep_link",
      "$3p",
      "$original_url",
    ],
  },
  // ClearURLs tiktok.com (_t, _r, _d, u_code, preview_pb, timestamp, user_id, share_*); AdGuard specific.txt
  // tiktok.com (share_app_id, share_author_id, tt_from); Firefox StripOnShareLGPL.json tiktok (is_from_webapp,
  // sender_device, web_id, enter_method, embed_source, referer_url). Douyin is TikTok's Chinese app and shares
  // with the same names, previous_page included (seen on douyin.com user links).
  {
    hosts: ["tiktok.com", "douyin.com", "iesdouyin.com"],
    names: [
      "_t",
      "_r",
      "_d",
      "is_from_webapp",
      "sender_device",
      "web_id",
      "previous_page",
      "u_code",
      "preview_pb",
      "timestamp",
      "user_id",
      "share_app_id",
      "share_author_id",
      "share_app_name",
      "share_iid",
      "share_link_id",
      "tt_from",
      "enter_method",
      "embed_source",
      "referer_url",
    ],
  },
  // ClearURLs LinkedIn (refId, trk, li[a-z]{2}, trackingId); Firefox StripOnShareLGPL.json linkedin.
  { hosts: ["linkedin.com"], names: ["trk", "trackingid", "refid", "lipi", "lici", "trkemail", "midtoken", "midsig"] },
  // ClearURLs facebook (__tn__, __(xts|cft)__[n], mibextid, eav, paipv, sfnsn, rdc, rdr, _rdr); Firefox
  // StripOnShare.json facebook (__cft__[0], __tn__) and StripOnShareLGPL.json (mibextid, extid, tracking).
  {
    hosts: ["facebook.com", "fb.com", "fb.watch"],
    names: ["mibextid", "extid", "__tn__", "eav", "paipv", "sfnsn", "rdc", "rdr", "_rdr", "comment_tracking"],
    prefixes: ["__cft__", "__xts__"],
  },
  // ClearURLs bilibili.com (spm_id_from, vd_source, share_*, buvid, is_story_h5, plat_id, timestamp, unique_k,
  // up_id, from_source, msource, seid) and m.bilibili.com (bbid, ts). from_spmid and spmid are the app's page
  // tags on the same links. b23.tv is Bilibili's short-link host.
  {
    hosts: ["bilibili.com", "b23.tv"],
    names: [
      "spm_id_from",
      "vd_source",
      "from_spmid",
      "spmid",
      "buvid",
      "is_story_h5",
      "plat_id",
      "timestamp",
      "unique_k",
      "up_id",
      "from_source",
      "msource",
      "seid",
      "bbid",
      "ts",
    ],
    prefixes: ["share_"],
  },
  // WeChat articles: an article is __biz + mid + idx + sn; everything else on a shared link is about the
  // reader and the share. No public list covers them all: AdGuard and ClearURLs have no mp.weixin.qq.com
  // group; these names are read from shared article links and from the userscripts people keep for them.
  {
    hosts: ["mp.weixin.qq.com"],
    names: [
      "chksm",
      "scene",
      "subscene",
      "mpshare",
      "srcid",
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
      "from",
      "isappinstalled",
      "clicktime",
      "enterid",
      "sessionid",
      "nettype",
      "abtest_cookie",
      "poc_token",
      "realreporttime",
      "fasttmpl_type",
      "fasttmpl_fullversion",
    ],
    prefixes: ["sharer_"],
  },
  // ClearURLs xiaohongshu.com. xsec_token is the note's access token: without it the web page refuses to
  // open, yet it changes with every share, so it stays in the URL shown and leaves only the key.
  // xhslink.com is Xiaohongshu's short-link host.
  {
    hosts: ["xiaohongshu.com", "xhslink.com"],
    names: [
      "xsec_source",
      "app_platform",
      "app_version",
      "xhsshare",
      "apptime",
      "author_share",
      "type",
      "appuid",
      "sharered",
      "shareredid",
      "exsource",
      "ignoreengage",
    ],
    prefixes: ["share_"],
    keyOnly: ["xsec_token"],
  },
  // uBlock Origin privacy.txt zhihu.com (hybrid_search_source, hybrid_search_extra); share_code and utm_psn
  // come on links shared from the Zhihu app (utm_psn is also caught by utm_*).
  { hosts: ["zhihu.com"], names: ["share_code", "utm_psn", "hybrid_search_source", "hybrid_search_extra", "utm_oi"] },
  // ClearURLs weibo (weibo_id, dt_dapp); wm, from and sourcetype come on links shared from the Weibo app.
  { hosts: ["weibo.com", "weibo.cn"], names: ["wm", "from", "sourcetype", "dt_dapp", "weibo_id"] },
  // Douban's app share tags (_i, dt_dapp, dt_platform); no public list has a douban.com group.
  { hosts: ["douban.com"], names: ["_i", "dt_dapp", "dt_platform", "dt_time_source"] },
  // ClearURLs taobao.com and tmall.com; AdGuard specific.txt "Taobao, Tmall" (utparam, ali_trackid, bxsign,
  // union_lens, traceId, xId, ptl, app_pvid); ClearURLs tb.cn (sm).
  {
    hosts: ["taobao.com", "tmall.com", "tb.cn"],
    names: [
      "pvid",
      "utparam",
      "ali_trackid",
      "ali_refid",
      "abbucket",
      "acm",
      "algo_expid",
      "algo_pvid",
      "sourcetype",
      "suid",
      "ut_sk",
      "un",
      "share_crt_v",
      "sp_tk",
      "cpp",
      "shareurl",
      "short_name",
      "app",
      "trackinfo",
      "utkn",
      "bxsign",
      "union_lens",
      "traceid",
      "xid",
      "ptl",
      "app_pvid",
      "tbsocialpopkey",
      "sm",
      "bftag",
      "bftrwd",
      "lygclk",
      "impid",
      "turing_bucket",
    ],
  },
  // AdGuard specific.txt wq.jd.com (pvid). ad_od, gx, gxd, cu and _ts come on item links shared from the JD
  // app (with utm_*); no public list has them.
  { hosts: ["jd.com", "3.cn"], names: ["pvid", "ad_od", "gx", "gxd", "cu", "_ts"] },
  // ClearURLs aliexpress; AdGuard specific.txt "Aliexpress"; Firefox StripOnShareLGPL.json aliexpress.
  {
    hosts: ["aliexpress.*"],
    names: [
      "sk",
      "dp",
      "pvid",
      "scm_id",
      "scm-url",
      "utparam",
      "aff_fsk",
      "aff_fcid",
      "aff_trace_key",
      "aff_short_key",
      "aff_platform",
      "aff_request_id",
      "terminal_id",
      "algo_pvid",
      "algo_expid",
      "curpageloguid",
      "mall_affr",
      "gps-id",
      "btsid",
      "ws_ab_test",
      "pdp_npi",
    ],
  },
  // CSDN's search and recommendation links (ops_request_misc, request_id, biz_id, depth_1-utm_*) and app
  // shares (share*): read from links in public notes and READMEs; no public list has a csdn.net group.
  {
    hosts: ["csdn.net"],
    names: ["ops_request_misc", "request_id", "biz_id", "sharetype", "shareid", "sharerefer", "sharesource", "sharefrom"],
    prefixes: ["depth_1-"],
  },
  // ClearURLs amazon (pd_rd_*, pf_rd_*, qid, sr, crid, keywords, sprefix, th, linkCode, ref_, tag, the
  // "/ref=" path rawRule); Firefox StripOnShare.json and StripOnShareLGPL.json amazon (psc, linkId, …).
  {
    hosts: ["amazon.*"],
    names: [
      "tag",
      "linkcode",
      "linkid",
      "ref",
      "ref_",
      "th",
      "psc",
      "crid",
      "keywords",
      "qid",
      "sprefix",
      "s_prefix",
      "sr",
      "ascsubtag",
      "creative",
      "creativeasin",
      "dchild",
      "_encoding",
      "content-id",
      "dib",
      "dib_tag",
      "sbo",
      "sp_csd",
      "refrid",
      "spia",
    ],
    prefixes: ["pd_rd_", "pf_rd_"],
    refPathSegments: true,
  },
  // Firefox StripOnShareLGPL.json wikipedia.
  { hosts: ["wikipedia.org"], names: ["wprov"] },
  // ClearURLs github.com; Firefox StripOnShareLGPL.json github.
  { hosts: ["github.com"], names: ["email_source", "email_token"] },
  // ClearURLs nytimes.com and Firefox StripOnShareLGPL.json nytimes (smid); referringSource comes on NYT
  // share links beside it.
  { hosts: ["nytimes.com"], names: ["smid", "referringsource"] },
  // ClearURLs theguardian.com.
  { hosts: ["theguardian.com"], names: ["cmp"] },
  // ClearURLs bbc (xtor, at_[a-z_]+); Firefox StripOnShareLGPL.json bbc (ns_*, ocid, facebook_page).
  { hosts: ["bbc.com", "bbc.co.uk"], names: ["xtor", "ocid", "facebook_page"], prefixes: ["at_", "ns_"] },
  // ClearURLs medium.com.
  { hosts: ["medium.com"], names: ["source"] },
  // ClearURLs imdb.com; AdGuard specific.txt imdb.com; Firefox StripOnShareLGPL.json imdb.
  { hosts: ["imdb.com"], names: ["ref_"], prefixes: ["pf_rd_"] },
  // ClearURLs steampowered.
  { hosts: ["steampowered.com", "steamcommunity.com"], names: ["snr"] },
  // ClearURLs google and Firefox StripOnShareLGPL.json google: search-session ids, not the search itself.
  {
    hosts: ["google.*"],
    names: [
      "ved",
      "ei",
      "sei",
      "sca_esv",
      "sca_upv",
      "sxsrf",
      "oq",
      "gs_lcrp",
      "gs_lcp",
      "gs_lp",
      "gs_l",
      "sourceid",
      "aqs",
      "rlz",
      "uact",
      "iflsig",
      "biw",
      "bih",
      "dpr",
      "fbs",
      "ictx",
      "cshid",
    ],
  },
];

/** Hosts that serve one site's pages at the same paths, to the host used in the key. */
export const HOST_ALIASES: Readonly<Record<string, string>> = {
  "x.com": "twitter.com",
  "fxtwitter.com": "twitter.com",
  "vxtwitter.com": "twitter.com",
  "fixupx.com": "twitter.com",
  "fixvx.com": "twitter.com",
  "telegram.me": "t.me",
  "telegram.dog": "t.me",
  "old.reddit.com": "reddit.com",
  "new.reddit.com": "reddit.com",
  "np.reddit.com": "reddit.com",
};

/** Redirect wrappers; hosts as in the key (aliases already applied). ClearURLs redirections unless noted. */
export const WRAPPERS: readonly Wrapper[] = [
  // Telegram's Instant View wraps the article it shows.
  { hosts: ["t.me"], path: "/iv", params: ["url"] },
  // ClearURLs facebook: l.facebook.com and lm.facebook.com.
  { hosts: ["facebook.com"], path: "/l.php", params: ["u"] },
  // ClearURLs google: /url?url= or ?q=, and AMP pages served from Google (/amp/s/…).
  { hosts: ["google.*"], path: "/url", params: ["url", "q"] },
  { hosts: ["google.*"], pathPrefix: "/amp/s/" },
  // Zhihu's outbound-link page.
  { hosts: ["link.zhihu.com"], path: "", params: ["target"] },
  // ClearURLs youtube, steamcommunity and reddit redirections.
  { hosts: ["youtube.com"], path: "/redirect", params: ["q"] },
  { hosts: ["steamcommunity.com"], path: "/linkfilter", params: ["url"] },
  { hosts: ["out.reddit.com"], params: ["url"] },
];
