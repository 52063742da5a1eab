/**
 * Hosts whose pages Neijuan does not cite (issue: weak sources). A fact needs the original: the en/zh Wikipedia article
 * instead of a mirror, the publisher's article instead of a repost, and never a content farm or a generated wiki.
 * Reviewed on 2026-12-01 from every host the bundled data had cited; `check-data` fails on a source on any of them
 * (a subdomain counts as its host). A host is listed for what its pages are, not for one bad page. unpkg.com is not:
 * a file of an npm package at a pinned version (LobeChat's price tables) is the publisher's own artifact.
 */

/** Mirrors. */
const MIRRORS = [
  'alem.dynip.sapo.pt',
  'answers.com',
  'artikeldigital.com',
  'auto.wikisort.org',
  'blekko.com',
  'cavac.at',
  'cdn-dev.tgam.arcpublishing.com',
  'certifiedathlete.com',
  'chinafocus-staging.azurewebsites.net',
  'community.worldlibrary.in',
  'conceptmap.cfapps.io',
  'concepts.4angle.com',
  'cooksense.org',
  'db0nus869y26v.cloudfront.net',
  'de.zxc.wiki',
  'en.m.wiki.x.io',
  'en.m.wiki2.org',
  'en.wiki.beta.math.wmflabs.org',
  'en.wikipedia-on-ipfs.org',
  'encyclopedia.datana.cloud',
  'encycloreader.org',
  'enwikipedia.net',
  'friendlywiki.com',
  'gamelow.netlify.app',
  'getwiki.net',
  'github.conef.uk',
  'hawaiilibrary.net',
  'hessslslslsls.azureedge.net',
  'hmong.in.th',
  'infomutt.com',
  'infosekolah.net',
  'inventaire.io',
  'it.qaz.wiki',
  'kampuspedia.com',
  'kids.kiddle.co',
  'kiwix.casplantje.nl',
  'kiwix.lema.org',
  'knowpia.com',
  'liquisearch.com',
  'movatter.jp',
  'myenglishpages.com',
  'openpolar.no',
  'owiki.org',
  'piglix.com',
  'pinocchiopedia.com',
  'primidi.com',
  'review.clateway.com',
  'sagapedia.com',
  'search.com.vn',
  'self.gutenberg.org',
  'slovar-vocab.com',
  'techloopz.blogspot.com',
  'thefullwiki.org',
  'translate.baiducontent.com',
  'travelfeed.io',
  'unpkg.com',
  'web.archive.org',
  'wiki-gateway.eudic.net',
  'wiki.alquds.edu',
  'wiki.av1.space',
  'wiki.gravy.cc',
  'wikimili.com',
  'wikiplanet.click',
  'wikitour.io',
  'wikiwand.com',
  'zims-en.kiwix.campusafrica.gos.orange.com',
];

/** Generated wikis. */
const GENERATED_WIKIS = [
  'acearchive.org',
  'ai-tldr.dev',
  'aiwiki.ai',
  'amallo.ai',
  'apxml.com',
  'awesomeagents.ai',
  'brendanjameslynskey.github.io',
  'centerconsulting.com',
  'changelogs-info.pages.dev',
  'grokipedia.com',
  'labindex.ai',
  'neican.huangzuomin.com',
  'notes.dsebastien.net',
  'researchpapers-dqb.pages.dev',
  'systems-analysis.ru',
  'web-production-4e80b.up.railway.app',
  'wikisum.wiki',
  'zsjunai.github.io',
];

/** Content farms. */
const CONTENT_FARMS = [
  '10100.com',
  '535548.com',
  '5er0.com',
  '75centralphotography.com',
  'ahotset.com',
  'ainewschina.com',
  'aiweekly.co',
  'alvaproductions.com.my',
  'articles.media',
  'benchlm.ai',
  'besteduchina.com',
  'besthub.dev',
  'bigframe.net',
  'blog.greeden.me',
  'blog.kct.ac.in',
  'blog.moontak.com',
  'boardor.com',
  'breakinglatest.news',
  'canbizpages.com',
  'ccoho.com.cn',
  'chatforest.com',
  'chengju.com',
  'chinadailybrief.com',
  'cn.bg3.co',
  'companieshistory.com',
  'ctoth.com',
  'customhour.com',
  'daily8.com',
  'designforonline.com',
  'docslib.org',
  'elkotoby.com',
  'empor.top',
  'en-release.staypia.com',
  'european-financial-times.com',
  'faxianai.com',
  'foundervoice.world',
  'fpj.ourdemoservers.com',
  'fungeo.com',
  'fxbaogao.com',
  'globgbs.com',
  'gmteight.com',
  'gredelhi.com',
  'greeneducation.uk',
  'gushiio.com',
  'hansajekalavya.com',
  'hotnews.znicely.com',
  'howtheybegan.com',
  'hozir.org',
  'iaiseek.com',
  'iask-media.com',
  'ihenan.top',
  'iphec.org',
  'iseo1.com',
  'jacar.es',
  'jixuncaiwu.com',
  'kupi.com',
  'laitimes.com',
  'm.daxue.566.com',
  'm.fx361.cc',
  'm.jizihe.com',
  'midnightoilstudios.org',
  'mo4tech.com',
  'modernmechanics24.com',
  'moneyinc.com',
  'mtiku.zujuan.com',
  'netzerotrend.com',
  'news.lavx.hu',
  'news.ssbcrack.com',
  'nextfin.ai',
  'orchestra.wtf',
  'pandayoo.com',
  'pixelation.org',
  'qccws8kcws4k0s4co4s48gsk.box.wellick.de',
  'racetoagi.org',
  'recorded.news',
  'redplanx.com',
  'remote-support.space',
  'robotbelt.com',
  'shengjixing.cn',
  'smartplusmedia.com',
  'techxofficial.com',
  'tftnews.com',
  'theblifemovement.com',
  'thefamouspeople.com',
  'themilsource.com',
  'topongoogle.com',
  'uuaa.net',
  'vacuumtj.net',
  'visualfoodie.com',
  'woyao998.com',
  'wybk.com',
  'wzbok.cn',
  'xinenw.com',
  'xmsumi.com',
  'xugj520.cn',
  'znwx.cn',
];

/** Reposts. */
const REPOSTS = [
  '51haodu.com',
  '56777.net',
  'advancedainews.com',
  'aicnews.cn',
  'aieg.cn',
  'amsterdamwebconsulting.com',
  'apdnews.com',
  'asiaict.com',
  'bitekongjian.com',
  'bitsfull.com',
  'bjdljx.cn',
  'businessthreesixfive.com',
  'charm-retirement.com',
  'china-smartphone-news.blogspot.com',
  'chinanews.ai',
  'chujupifa.com',
  'coolwj.com',
  'ctmanga.com',
  'devicedaily.com',
  'dfnihf8fcqrzv.cloudfront.net',
  'dingdanghao.com',
  'elsewhere.news',
  'en.abpinfo.bi',
  'endtimeheadlines.org',
  'eng.danfetv.com',
  'fangtan.org.cn',
  'frominsideasia.com',
  'geolive.tv',
  'goldberglawma.com',
  'handmsg.com',
  'hangzhou.baogaosu.com',
  'hk.outputnews.com',
  'hn.jakechampion.name',
  'information.bz',
  'iyotun.com',
  'juduo.cc',
  'jutaihs.com',
  'koala-by.com',
  'lhoil.com',
  'm.girlsbuildingwealth.com',
  'm.qhztzx.com',
  'maimaiouzhou.com',
  'mountaintravel.my.id',
  'mxjcsc.cn',
  'mypremiumservice.com',
  'newpharmacy.cn',
  'news.charm-retirement.com',
  'newshorizondaily.com',
  'newzone.eu',
  'ok153.com',
  'oodaloop.com',
  'quarterlytics.com',
  'riemnews.com',
  'rjtj.cn',
  'roboticsobserver.com',
  'senqingzn.com',
  'shangkeht.com',
  'signatureschool.org',
  'studynil.com',
  'tianshuns.com',
  'top168.com',
  'ttm.financial',
  'vns490.com',
  'washingtontimesnewstoday.com',
  'world-economist.com',
  'ypkjmy.com.shayuweb.com',
  'yx.ggwc.cn',
  'zhukangwu.com',
];

export type WeakSourceKind = 'mirror' | 'generated wiki' | 'content farm' | 'repost';

const WEAK_HOSTS = new Map<string, WeakSourceKind>([
  ...MIRRORS.map((h) => [h, 'mirror'] as const),
  ...GENERATED_WIKIS.map((h) => [h, 'generated wiki'] as const),
  ...CONTENT_FARMS.map((h) => [h, 'content farm'] as const),
  ...REPOSTS.map((h) => [h, 'repost'] as const),
]);

/** The URL's host without `www.` and a trailing dot, lower-cased; '' when the URL does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** Why a source's URL is not citable (its host, or a parent domain, is listed), or null. */
export function weakSource(url: string): { host: string; kind: WeakSourceKind } | null {
  const parts = hostOf(url).split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const host = parts.slice(i).join('.');
    const kind = WEAK_HOSTS.get(host);
    if (kind) return { host, kind };
  }
  return null;
}

/** Every listed host by kind (for docs/DATA.md). */
export function weakHostList(): { kind: WeakSourceKind; hosts: readonly string[] }[] {
  return [
    { kind: 'mirror', hosts: MIRRORS },
    { kind: 'generated wiki', hosts: GENERATED_WIKIS },
    { kind: 'content farm', hosts: CONTENT_FARMS },
    { kind: 'repost', hosts: REPOSTS },
  ];
}

/**
 * A Wikipedia source must point at Wikipedia itself (not the mobile site or a mirror), and its title must name the
 * article its URL names: the title and the article slug share a word.
 */
export function wikipediaProblem(url: string, title: string): string | null {
  const host = hostOf(url);
  if (!host.endsWith('wikipedia.org')) return null;
  if (/\.m\.wikipedia\.org$/.test(host)) return 'cite the desktop article (xx.wikipedia.org), not the mobile site';
  const slug = /\/wiki\/([^?#]+)/.exec(url)?.[1];
  if (!slug || /[?&](oldid|curid)=/.test(url)) return null;
  const words = (s: string) =>
    new Set(
      decodeURIComponent(s)
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 1),
    );
  const a = words(slug);
  const b = words(title);
  if (a.size === 0 || b.size === 0) return null;
  return [...a].some((w) => b.has(w)) || [...a].join('') === [...b].join('')
    ? null
    : `the title "${title}" names another subject than the article ${decodeURIComponent(slug)}`;
}
