/**
 * Stopwords for keyword search and the offline embedder. Keyword search weighs terms by IDF, but the
 * embedder cannot (it sees one text at a time), so words that occur everywhere go before either sees them.
 */

/** English function words, apostrophes removed ("don't" is tokenized as "dont"). */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are arent as at be because been before being
  below between both but by can cannot cant could couldnt did didnt do does doesnt doing dont down during
  each few for from further had hadnt has hasnt have havent having he hed hell hes her here heres hers
  herself him himself his how hows i id ill im ive if in into is isnt it its itself lets me more most
  mustnt my myself no nor not of off on once only or other ought our ours ourselves out over own same
  shant she shed shell shes should shouldnt so some such than that thats the their theirs them
  themselves then there theres these they theyd theyll theyre theyve this those through to too under
  until up very was wasnt we wed well were weve werent what whats when whens where wheres which while
  who whos whom why whys will with wont would wouldnt you youd youll youre youve your yours yourself
  yourselves also may might must shall just s t
  ${/* Conversational filler: patients' questions are full of it, and it says nothing about the topic. */ ""}
  get gets getting got make makes making made thing things someone somebody something anyone anything
  everyone everything person people way ways know knows tell explain mean means happen happens want
  wants need needs like likely unlikely really actually much many lot lots kind sort even still often
  usually sometimes always never ever well good better best go goes going went come comes take takes
  taking took give gives see look say says said one ones able please thanks thank hello hi help helps
  doctor doctors use used uses using find keep keeps become becomes tend tends`.split(/\s+/),
);

/**
 * Chinese particles, pronouns and function characters. A Han run is cut at them before bigrams are
 * formed, so "胃的痛" gives 胃 and 痛 rather than the noise bigrams 胃的 and 的痛.
 */
export const CHINESE_STOP_CHARS: ReadonlySet<string> = new Set(
  [..."的了吗呢吧啊呀哦嘛哈啦呗哟嗯么是我你您他她它这那和与在也都之其被把得哪啥咋怎什"],
);

/** Chinese function words and consultation boilerplate ("请问", "怎么办"), cut out like stop chars. */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `什么 怎么 怎样 怎么办 怎么回事 回事 如何 为什么 为何 哪些 哪个 哪种 可以 可能 一下 一些 一点 一般 一直
  没有 有没有 有点 有些 还有 还是 因为 所以 如果 但是 然后 而且 或者 已经 现在 时候 应该 需要 情况 建议
  平时 目前 比较 非常 经常 总是 老是 到底 究竟 处理 东西 请问 咨询 谢谢 想问 医生 患者 问题 不知 知道 能不能
  会不会 是不是 要不要`.split(/\s+/),
);

/** Characters that are not worth a token when they stand alone after the cuts above. */
export const CHINESE_STOP_SINGLES: ReadonlySet<string> = new Set(
  [..."不没有很会能要就还又才再个们些种点下想让给对从向到为以及或等而且但则即如若因由将已并后前中时次去来做说用看该老求问"],
);

/**
 * One-character Chinese words patients ask about ("每天吃多少盐合适？"): bigrams alone would never meet
 * 盐 in "减少吃盐" or "食盐", so each of these is also a token by itself wherever it occurs. Only things,
 * symptoms and body parts that stand alone as words; IDF keeps the common ones cheap.
 */
export const CHINESE_WORD_SINGLES: ReadonlySet<string> = new Set(
  [..."盐糖酒药烟茶奶肉蛋鱼虾油醋辣咸甜痛疼痒肿晕吐泻咳喘痰血尿屎汗脓疤癣痣胃肝肾肺脑骨牙眼耳鼻舌喉腰腿膝脚胸腹背肩颈孕烧"],
);
