/**
 * Text normalization shared by the crisis rules and the crisis classifier, so both see one spelling:
 * lower case, NFKC, simplified Chinese, expanded English contractions.
 */

// Traditional → simplified (pairs) for the characters the Chinese rules use: cheap, covers HK/TW writers.
const TRADITIONAL_PAIRS =
  "殺杀會会盡尽結结東东離离開开這这個个們们裡里裏里麼么沒没說说給给覺觉頭头臉脸腦脑藥药過过從从來来絕绝對对難难傷伤樓楼橋桥燒烧氣气電电話话媽妈兒儿寶宝發发髮发熱热悶闷語语無无嘔呕暈晕識识癲癫癇痫腫肿嚨咙懷怀產产陰阴動动見见紅红劇剧視视療疗罵骂脅胁嚇吓強强報报復复槍枪讓让該该應应嗎吗為为時时間间現现剛刚經经還还幾几種种歲岁條条隻只點点邊边側侧體体問问題题樣样當当態态輕轻爛烂壞坏亂乱錢钱長长別别處处厭厌著着義义負负擔担連连後后遺遗書书囑嘱訣诀謝谢準准備备買买繩绳攢攒積积靜静殘残搶抢車车禍祸斷断鮮鲜癱瘫聽听講讲險险診诊醫医護护驚惊燙烫褻亵蹤踪摑掴農农敵敌蟲虫劑剂顆颗嚥咽誤误錯错滅灭獄狱飯饭夢梦穩稳愛爱戀恋憂忧鬱郁慮虑壓压緊紧張张親亲爺爷婦妇週周嬰婴貝贝溫温漲涨懸悬掛挂縊缢臺台檯台頂顶陽阳軌轨臥卧脈脉劃划針针線线緒绪潰溃勁劲夠够煩烦惱恼憊惫撐撑堅坚決决計计畫画寫写錄录頻频帳账務务債债贈赠終终於于脫脱擺摆掙挣麵面瘋疯廢废樂乐歡欢環环誰谁衝冲場场鐘钟鐵铁嘆叹蓋盖辦办將将傳传聯联絡络驗验術术藍蓝鬧闹頸颈彎弯臟脏膚肤癢痒膿脓瘡疮濕湿擁拥擠挤層层鑰钥鎖锁門门關关閉闭啟启顯显類类淚泪喪丧彈弹廁厕尋寻臨临歸归鬆松聲声滾滚倆俩兇凶擊击襲袭綁绑騷骚擾扰姦奸鄰邻綿绵軟软導导約约腎肾嚴严絞绞陣阵蟄蛰蝦虾黴霉輸输淨净潔洁紐纽鈕钮幹干闖闯隨随揚扬縱纵輾辗賣卖價价暫暂嚕噜願愿寧宁與与並并勸劝墜坠屍尸墳坟傢家夥伙隊队團团腸肠鏡镜轉转標标細细飲饮歷历紀纪課课論论訓训練练預预徵征跡迹號号聞闻詞词遊游戲戏讀读學学師师議议認认兩两羥羟喚唤驟骤";
const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) {
  TO_SIMPLIFIED.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);
}
const TRADITIONAL_CHAR = new RegExp(`[${[...TO_SIMPLIFIED.keys()].join("")}]`, "gu");

// English contractions are expanded so each rule spells negation one way ("can not", "do not").
const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan'?t\b|\bcannot\b/g, "can not"],
  [/\bwon'?t\b/g, "will not"],
  [/\bain'?t\b/g, "is not"],
  [/\b(do|does|did|is|was|are|were|would|could|should|have|has|had|must|need)n'?t\b/g, "$1 not"],
  [/\bi'?m\b/g, "i am"],
  [/\bi'?ve\b/g, "i have"],
  [/\bi'll\b/g, "i will"],
  [/\bi'd\b/g, "i would"],
  [/\b(you|we|they)'re\b/g, "$1 are"],
  [/\b(he|she|it|that|there|what|who|everything|nobody|no one)'s\b/g, "$1 is"],
  [/\b(he|she|it|you|we|they|that)'ll\b/g, "$1 will"],
  [/\b(he|she|you|we|they)'d\b/g, "$1 would"],
  [/\b(you|we|they)'ve\b/g, "$1 have"],
  // Text-speak "2" for "to" after verbs that take an infinitive ("i want 2 die", "going 2 end it").
  // Only after verbs that never take a count, so "have 2 kids" and "about 2 weeks" keep their numbers.
  [/\b(want|wanna|going|gonna|wish|hope|ready|trying|deserve|plan|planning) 2 (?=[a-z])/g, "$1 to "],
  [/\bwanna\b/g, "want to"],
  [/\bgonna\b/g, "going to"],
  [/\bgotta\b/g, "got to"],
];

/** Lower case, NFKC (full-width → half-width), simplified Chinese, expanded contractions. */
export function normalizeText(raw: string): string {
  let text = raw.normalize("NFKC").toLowerCase();
  text = text.replace(/[‘’‛`´]/g, "'").replace(/[“”„«»「」『』]/g, '"');
  // Self-censoring inside a word ("sui*cidal", "s*icide", "un_alive") must not hide it.
  text = text.replace(/(?<=\p{L})[*_·•]+(?=\p{L})/gu, "");
  text = text.replace(TRADITIONAL_CHAR, (ch) => TO_SIMPLIFIED.get(ch) ?? ch);
  // Chinese has no spaces; stray ones ("不 想 活") must not split a phrase.
  text = text.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, "$1");
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  return text.replace(/[ \t]+/g, " ").trim();
}
