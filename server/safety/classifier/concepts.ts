/**
 * Concept lexicons for the crisis classifier: words that stand for one idea (a means, an act of
 * preparation, finality, now…). They are features, not rules: the model learns how much each concept
 * weighs for each category and against which context, from the training corpus. Words are matched on
 * normalized text (lower case, simplified Chinese); English entries match whole words.
 */
export const CONCEPTS: Record<string, string[]> = {
  means: [
    "pills", "tablets", "overdose", "rope", "noose", "belt", "charcoal", "razor", "blade", "knife", "gun",
    "bleach", "pesticide", "paraquat", "insulin", "bridge", "roof", "ledge", "train", "tracks",
    "安眠药", "药片", "整瓶", "一瓶", "绳子", "绳", "炭", "木炭", "刀片", "刀", "农药", "百草枯", "敌敌畏",
    "天台", "楼顶", "跳楼", "跳河", "桥", "铁轨", "煤气", "割腕", "上吊",
  ],
  preparation: [
    "saved", "saving", "stockpiled", "stockpiling", "hoarding", "bought", "hidden", "hid", "will",
    "goodbye", "goodbyes", "letter", "note", "rehome", "rehoming", "gave away", "giving away",
    "passwords", "insurance", "affairs", "arrangements",
    "攒", "存了", "囤", "买了", "藏", "遗书", "遗嘱", "告别", "交代", "后事", "送人", "送走", "密码", "保险",
    "安排好", "托付",
  ],
  finality: [
    "end", "ending", "over", "last", "forever", "goodbye", "disappear", "gone", "anymore", "no point",
    "pointless", "burden", "better off", "wake up", "sleep forever", "never wake",
    "结束", "了结", "最后", "永远", "消失", "解脱", "离开", "不在了", "没意义", "没意思", "拖累", "负担",
    "醒不来", "不醒", "睡过去", "一了百了", "走了", "撑不下去",
  ],
  now: [
    "now", "tonight", "right now", "currently", "just", "already", "minutes", "still", "today",
    "现在", "今晚", "刚才", "刚刚", "已经", "正在", "马上", "今天", "还在", "分钟",
  ],
  past: [
    "years ago", "last year", "used to", "back then", "when i was", "recovered", "better now", "anymore",
    "以前", "当年", "去年", "那时候", "小时候", "几年前", "已经好了", "现在好多了", "康复",
  ],
  fiction: [
    "movie", "film", "novel", "book", "show", "series", "episode", "game", "song", "character", "news",
    "电影", "小说", "电视剧", "剧", "游戏", "歌", "角色", "新闻", "动漫", "综艺",
  ],
  info: [
    "signs", "warning signs", "how to tell", "what should", "risk factors", "statistics", "protocol",
    "guidelines", "screening", "dose for", "maximum dose", "class", "course", "students",
    "征兆", "迹象", "怎么判断", "应该怎么", "危险因素", "指南", "流程", "筛查", "剂量", "培训", "课程", "学生",
  ],
  humour: [
    "lol", "lmao", "haha", "jk", "joking", "kidding", "😂", "🤣",
    "哈哈", "哈哈哈", "开玩笑", "笑死", "233",
  ],
  other_person: [
    "my son", "my daughter", "my mom", "my mum", "my dad", "my husband", "my wife", "my sister", "my brother",
    "my friend", "my grandma", "my grandpa", "my partner", "my boyfriend", "my girlfriend", "baby", "kid",
    "儿子", "女儿", "妈妈", "爸爸", "老公", "老婆", "丈夫", "妻子", "姐姐", "妹妹", "哥哥", "弟弟", "朋友",
    "奶奶", "爷爷", "外婆", "外公", "孩子", "宝宝", "男朋友", "女朋友", "对象",
  ],
  harm_act: [
    "hit", "hits", "hitting", "beat", "beats", "beating", "choke", "choked", "strangled", "punched", "kicked",
    "slapped", "threatened", "threatens", "locked", "hurt", "hurting", "stab", "kill",
    "打", "打我", "掐", "踢", "扇", "威胁", "锁", "关起来", "伤害", "捅", "砍", "杀",
  ],
  acute_body: [
    "can't breathe", "cannot breathe", "breathing", "chest", "crushing", "sweating", "slurred", "droop",
    "drooping", "numb", "weak", "unconscious", "unresponsive", "seizure", "fitting", "blue", "bleeding",
    "blood", "vomiting", "swollen", "swelling", "throat", "faint", "fainted", "collapsed", "confused",
    "喘不上气", "呼吸", "胸口", "胸痛", "压着", "出汗", "冒汗", "口齿不清", "嘴歪", "麻", "没力气",
    "昏迷", "叫不醒", "抽搐", "发紫", "出血", "流血", "吐血", "呕吐", "肿", "喉咙", "晕倒", "晕", "糊涂",
  ],
};
