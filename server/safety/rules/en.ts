/**
 * English crisis rules — reviewable data. Patterns are regex sources matched on normalized text:
 * lower case, NFKC, contractions expanded ("can't" → "can not", "i'm" → "i am", "don't" → "do not").
 * Rules match the writer's (or a reported person's) present state, never topic words alone:
 * "suicide" by itself is a subject a teacher may ask about; "I want to kill myself" is a crisis.
 * Rule ids: en.<s|m|v>.<name>; ".poison" in an id marks poisoning (adds poison-control numbers).
 */
import type { CrisisRule, CrisisRuleSet } from "./rule-set";

const r = String.raw;

// ---- Shared fragments ----------------------------------------------------------------------
/** One word that is not a negator: keeps "i do not want to die" from matching "i … want to die". */
const GAP = r`(?: (?!not\b|never\b|no\b|nobody\b|no longer\b)[\w']+)`;
/** GAP for attacker → act → victim: an accident verb in between means nobody attacked ("she fell and hit her head"). */
const ASSAULT_GAP = r`(?: (?!not\b|never\b|no\b|nobody\b|no longer\b|fell\b|fallen\b|falls\b|slipped\b|tripped\b|fainted\b|collapsed\b|stumbled\b|accidentally\b)[\w']+)`;
/** Common misspellings ("sucidal", "suiside") still count. */
const SUICIDE = r`s(?:ui?|u?[1!]|i)[cs][i1!]?de`;
const SUICIDAL = r`s(?:ui?|u?[1!]|i)[cs][i1!]?dal`;
const SELF = r`(?:myself|my ?self|himself|herself|themselves|themself)`;
const POSS = r`(?:my|his|her|their)`;
const INTIMATE = r`(?:husband|wife|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|spouse|ex|ex-?(?:husband|wife|partner|boyfriend|girlfriend))`;
const RELATIVE = r`(?:dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|stepmother|brother|sister|son|daughter|uncle|aunt|grandad|grandpa|grandfather|cousin|(?:son|daughter|father|mother|brother|sister)-in-law|in-laws?)`;
const AGGRESSOR = r`(?:he|she|they|someone|somebody|[\w-]+'s (?:${INTIMATE}|${RELATIVE}|teacher|coach|tutor|babysitter|nanny|childminder|carer|neighbou?r|priest|pastor|youth leader|scout leader)|a (?:man|guy|woman|stranger|group of \w+)|(?:my|her|his|our|the) (?:${INTIMATE}|${RELATIVE}|neighbou?r|boss|landlord|roommate|flatmate|housemate|babysitter|nanny|childminder|carer|caregiver|teacher|coach|pimp)|(?:the |my |his |her |our )?(?:care home |nursing home |home )?(?:staff|carers|care workers?|nurses?|aides?|orderl(?:y|ies)|home help))(?: \([^)]{1,20}\))?`;
const VICTIM = r`(?:me|us|her|him|them|my (?:[\w-]+ ){0,2}|our (?:[\w-]+ )?|the (?:kids?|children|baby))`;
const CHILD = r`\b(?:(?:he|she) is (?:only |just )?(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten)\b(?! (?:weeks?|days?|minutes|hours|times|pills|tablets|of))|baby|babies|toddler|infant|newborn|child|children|kid|kids|son|daughter|grandson|granddaughter|little (?:boy|girl|one)|\d{1,2}[- ]?(?:year|yr|month)s?[- ]?olds?|(?:one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:year|month)s?[- ]olds?)\b`;
const ACCIDENT = r`\b(?:by (?:mistake|accident)|accidental(?:ly)?|not on purpose|unintentional(?:ly)?|did not mean to|without realising|without realizing|has dementia|got dementia|with dementia|mistakenly|thought (?:it|they|that) (?:was|were)|mixed up|got (?:them )?mixed|confused (?:the|his|her|my)|double(?:d)? (?:dose|up)|by error|got into (?:the|my|his|her|our))\b`;
const HISTORY = r`\b(?:used to|years ago|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|few|many|several|couple of|\d+) (?:years?|months?) ago|last year|(?:back )?in (?:19|20)\d\d|when i was (?:a |younger|little|young|in |at |\d+|(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b)|as a (?:child|kid|teen|teenager|student)|in the past(?! (?:month|week|fortnight|few (?:days|weeks)|couple of (?:days|weeks)|\w+ (?:days|weeks|hours)|day|night|hour|24|48))|growing up|in my (?:teens|twenties|childhood|youth)|history of)\b`;
const NOW = r`\b(?:now|right now|tonight|today|this (?:evening|morning|afternoon)|just|again|still|currently|at the moment|minutes ago|an hour ago|about to|on (?:his|her|their) way|at the door|behind me|coming back|comes back|gets (?:back|home)|back (?:home )?from|hiding|locked)\b`;
const MEDS = r`(?:pills?|tablets?(?! away| computer| screen| device| time)|meds|medications?|medicines?|capsules?|paracetamol|acetaminophen|tylenol|panadol|ibuprofen|advil|aspirin|sleeping (?:pills|tablets)|antidepressants?|insulin|pain ?killers?|opioids?|oxy\w*|fentanyl|heroin|methadone|benzos?|valium|xanax|diazepam|lorazepam|zopiclone|lithium|amitriptyline|sertraline|fluoxetine|citalopram|codeine|tramadol|morphine|antipsychotics?|warfarin|digoxin|co-?codamol|co-?dydramol|dihydrocodeine|naproxen|diclofenac|nurofen|calpol|solpadeine|nytol|sominex|promethazine|phenergan|antihistamines?|quetiapine|seroquel|olanzapine|mirtazapine|trazodone|pregabalin|gabapentin|venlafaxine|duloxetine|paroxetine|escitalopram|prozac|zoloft|lexapro|bupropion|wellbutrin|zolpidem|ambien|clonazepam|klonopin|temazepam|ativan|percocet|vicodin|hydrocodone|oxycodone|buprenorphine|suboxone|propranolol|metformin|amlodipine|beta[- ]blockers?|[a-z]{4,}(?![a-z])(?<=[a-z]{3}(?:azepam|azolam|oxetine|triptyline|pramine|faxine|codamol|profen|olol|codone|morphone|apine|idone|pril|sartan|statin|formin)))`;
const BULK = r`(?:all|all of|every one of|every(?: single| last)?(?= (?:\w+ )?(?:pills?|tablets?|capsules?|meds|medications?|medicines?) (?:in|i (?:have|own|could|can)|left|we have))|the rest of|a whole|the whole|an entire|a full|(?:a |the )?(?:whole |entire |full )?(?:bottle|box|packet|pack|strip|sheet|tub|jar|month'?s? supply)s? of|a handful of|handfuls of|a (?:whole )?bunch of|a load of|a heap of|a lot of|lots of|loads of|too many|way too many|\d{2,}|(?:ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|a dozen|dozens of))`;
const APPROX = r`(?:(?:about|around|roughly|approximately|like|maybe|nearly|almost|over|at least|more than|probably|easily|close to|up to) )?`;
const BULK_MEDS = r`${APPROX}${BULK}\s+(?:of\s+)?(?:(?:my|his|her|their|the|those|these)\s+)?(?:[\w'-]+\s+){0,3}?${MEDS}\b`;
const POISONS = r`(?:detergent|laundry (?:pods?|capsules?|tablets?|liquid)|washing (?:powder|liquid|up liquid)|(?:dishwasher|dish(?:washing)?|washing[- ]up|laundry|fabric|toilet|oven|drain|floor|window|glass|bathroom|kitchen|multi-?purpose|limescale|carpet) (?:tablets?|pods?|capsules?|liquid|soap|fluid|detergent|powder|cleaner|spray|gel|softener|conditioner|remover|descaler)|fabric (?:softener|conditioner)|descaler|caustic soda|lye|ammonia|(?:hydrogen )?peroxide|rubbing alcohol|surgical spirit|essential oils?|lighter fluid|paint thinners?|turps|turpentine|screen ?wash|bleach|(?:drain|oven|toilet|floor) cleaner|cleaning (?:fluid|product|liquid|spray)|cleaner|disinfectant|antifreeze|(?:button |coin |lithium )?batter(?:y|ies)|magnets?|pesticide|insecticide|weed ?killer|herbicide|paraquat|rat poison|poison|white spirit|kerosene|paraffin|lamp oil|petrol|gasoline|nail polish remover|e-?liquid|e-?cig(?:arette)? (?:liquid|juice|refill|oil)|vape (?:juice|liquid|oil|pod)s?|nicotine|iron (?:tablets|pills)|methanol|mushrooms?)`;
const FEVER = r`(?:\b(?:3[89]|4[01])\.\d\b(?! ?(?:weeks?|wks?|kg|cm|%|years?|lbs?))|fever|febrile|high temp(?:erature)?|temp(?:erature)? (?:of |is |was |at |reading |went up to )?(?:3[89]|4[01]|10[0-5])|\b3[89](?:\.\d)? ?(?:°|degrees|c\b)|\b10[0-5](?:\.\d)? ?(?:°|degrees|f\b)|burning up|shivering|rigors|the chills)`;
const DEATH_CONTEXT = r`\b(?:died|dead|death|passed away|passed|gone|lost (?:him|her|them|my)|funeral|grave|heaven|late (?:wife|husband|partner|son|daughter|mum|mom|dad))\b`;

// Chest pain is common and usually benign; it is an emergency only with a companion sign.
const CHEST = r`\b(?:chest (?:pain|pains|pressure|tightness|discomfort|ache|(?:is |has been |keeps |started |was |got |getting )?(?:tight|hurting|aching|burning|crushing|heavy|killing me|pounding)|feels (?:tight|heavy|crushed|like)|hurts|hurting)|(?:pain|pressure|tightness|heaviness|squeezing|crushing),? (?:right |just )?(?:in|on|across|behind|under) (?:the (?:middle|centre|center) of )?(?:my|his|her|the) (?:chest|heart|breastbone|sternum)|(?:crushing|squeezing|heavy|tight|stabbing|sharp|severe) (?:\w+ )?(?:chest|heart) (?:pain|pressure)|elephant (?:sitting )?on (?:my|his|her) chest)`;
const BREATHLESS = r`\b(?:short(?:ness)? of breath|can not (?:catch (?:my|his|her) breath|breathe|get (?:enough )?air)|(?:struggling|hard|difficult|difficulty|trouble|hard time|fighting|battling) (?:to )?(?:breath\w*|get (?:a |my )?breath|get air)|breathless|out of breath|gasping|(?:not|barely) (?:able to )?breathing|can barely breathe|laboured breathing|labored breathing|winded)`;
const SWEAT = r`\b(?:sweat(?:ing|y|s)?|cold sweat|clammy|drenched|pale and (?:sweaty|clammy)|grey and)\b`;
const RADIATE = r`\b(?:(?:left|right)? ?(?:arm|jaw|neck|shoulder|back|teeth) (?:is |are |also |feels )*(?:hurting|hurts|aching|aches|numb|tingling|painful|heavy|in pain)|(?:pain|ache|aching|numbness|tingling) (?:\w+ )?(?:in|down|into|to|up|through) (?:my|his|her|the) (?:left |right )?(?:arm|jaw|neck|shoulder|back|teeth)|radiat\w*|spread(?:s|ing)? (?:to|into|down|up)|(?:going|goes|went|shooting|shoots|moving|moves|travel(?:l)?ing|travels|running|runs) (?:down|into|up|through|to|through to|right through to|straight through to) (?:my|his|her|the) (?:left |right )?(?:arm|jaw|neck|shoulder|back|teeth))`;
const FAINT = r`\b(?:faint(?:ed|ing)?|pass(?:ed|ing)? out|about to pass out|black(?:ed|ing)? out|collaps(?:ed|ing)|(?:very )?light-?headed)\b`;

const CHEST_NOT_ACUTE = r`\b(?:last (?:week|month|year)|(?:days|weeks|months|years) ago|gone now|went away|has gone|resolved|for (?:weeks|months|years)|sometimes|often|every (?:time|day|morning)|when i (?:am anxious|panic|exercise|run|climb)|anxiety|panic attacks?|after (?:coughing|a cold|the gym|exercise|a workout)|costochondritis|heartburn|reflux|indigestion)\b`;

// Stroke (FAST): face, arm/leg, speech — one sign with sudden onset, or two signs, is an emergency.
const FACE = r`\b(?:(?:face|mouth|smile|lip|eyelid) (?:is |are |was |has |have |seems |looks |suddenly |started |gone |went )*(?:droop\w*|sagg\w*|lopsided|twisted|crooked|uneven|fallen|numb)|droop\w* (?:face|mouth|smile|on one side)|(?:one|left|right) side of (?:my|his|her|the) (?:face|mouth) (?:is |has |went |feels )*(?:droop\w*|numb|fallen|sagg\w*|weak|paraly\w*))`;
const SPEECH = r`\b(?:slur(?:ring|red|s)? (?:his |her |my |their )?(?:words|speech)|(?:speech|words|voice) (?:is |are |was |were |sounds? |seems? |went |became |become |got |suddenly |coming |came |come |out |all )*(?:slurred|slurry|garbled|jumbled|muddled|not making sense)|slurred speech|can not (?:speak|talk|get (?:the |his |her |my )?words out|find (?:the |his |her |my )?words)|(?:trouble|difficulty|struggling) (?:speaking|talking|finding (?:the )?words|getting words out)|talking (?:gibberish|nonsense)|(?:can not|unable to) understand (?:what )?(?:him|her|me|he|she))`;
const WEAKNESS = r`\b(?:(?:left|right|one) (?:arm|leg|hand|knee) (?:just |suddenly |has |completely )*(?:gave way|gave out|buckled|went (?:dead|limp|floppy|numb|weak))|(?:left|right|one) (?:side|arm|leg|hand|half)(?: of (?:my|his|her|the) (?:body|face))? (?:is |has |went |gone |feels |suddenly |just |become |became |completely )*(?:weak|numb|dead|heavy|limp|paraly[sz]ed|not working|useless|without feeling)|(?:can not|could not|unable to) (?:feel|move|lift|raise|use) (?:the |my |his |her )?(?:left|right|one) (?:side|arm|leg|hand|half)|(?:can not|could not|unable to) (?:feel|move|lift|raise|use) (?:my|his|her) (?:arm|leg|hand)|(?:weak(?:ness)?|numb(?:ness)?|paralysis) (?:on|in|down) (?:the |my |his |her |one )?(?:left|right|one) side)`;
const LIMB_WEAKNESS = r`\b(?:my|his|her) (?:arm|leg|hand) (?:is |went |has gone |feels |suddenly |become |became |just )+(?:weak|numb|limp|heavy|dead|paraly[sz]ed|useless)\b`;
const VISION_LOSS = r`\b(?:can not see (?:out of|from|with) (?:one|her|his|my|the) (?:left |right )?eye|lost (?:the )?(?:vision|sight) in (?:one|her|his|my|the) (?:left |right )?eye|(?:went|gone|is) blind in (?:one|her|his|my|the) eye|double vision)\b`;
const STROKE_ONSET = r`\b(?:sudden(?:ly)?|all of a sudden|out of nowhere|just now|just (?:started|happened|came on)|started (?:just|about|around|\d+|an?|half|a few|ten|twenty|fifteen|thirty|this)|(?:minutes?|mins?|an hour|hour|half an hour) ago|woke up (?:with|and)|right now|came on)\b`;
const CHRONIC = r`\b(?:for (?:weeks|months|years|a long time|ages)|(?:weeks|months|years) now|on and off|comes and goes|every (?:morning|night|day|time i)|when i (?:sleep|wake|sit|lie)|slept on|after (?:running|exercise|the gym|a workout|sitting)|pins and needles|carpal tunnel|sciatica|bell'?s palsy (?:last|years)|since (?:my|the) stroke|after (?:my|his|her) stroke)\b`;

const ALLERGEN = r`\b(?:peanuts?|nuts?|satay|pesto|marzipan|praline|nutella|peanut butter|tahini|cashews?|almonds?|walnuts?|pecans?|hazelnuts?|pistachios?|sesame|shellfish|shrimps?|prawns?|crab|lobster|seafood|bee|wasp|hornet|stung|sting|allerg(?:y|ic|ies)|penicillin|amoxicillin|antibiotics?|injection|vaccine|jab|contrast dye|latex|kiwi|mango)\b`;
const AIRWAY = r`\b(?:(?:face|lips?|tongue|throat|mouth|neck) (?:is |are |has |have |started |starting |begun |begin |began |all |gone |went |getting |become |suddenly |really |very |feels |feel |felt |so )*(?:to )?(?:swell\w*|swollen|blow\w* up|closing|tight\w*|huge)|swell\w* (?:up|shut)|swollen (?:face|lips?|tongue|throat)|wheez\w*|can not (?:breathe|swallow|talk)|(?:struggling|trouble|difficulty|hard|fighting|hard time) (?:to )?(?:breath\w*|swallow\w*|get (?:air|a breath))|gasping|short(?:ness)? of breath|collaps\w*|fainted|passed out|floppy|feel(?:s|ing)? (?:faint|dizzy|light-?headed)|hives (?:all over|everywhere))`;

const PREGNANCY = r`\b(?:pregnan\w*|waters? (?:has |have )?(?:broke|broken|went|gone)|\d{1,2} weeks? (?:pregnant|along|gestation)|(?:i am|she is|wife is|partner is|at) \d{1,2} weeks\b|(?:first|second|third) trimester|expecting (?:a baby|twins)|my bump|postpartum|post-partum|(?:just |recently |have just )?(?:gave birth|given birth|had (?:a|my|the) baby|delivered)|after (?:giving birth|delivery|(?:my|the) c-?section)|(?:days|weeks?) after (?:birth|delivery|the birth))\b`;
const PREGNANCY_EMERGENCY = r`\b(?:(?:heavy|heavily|lots of|a lot of|gushing|pouring|soaking|bright red|big clots|clots)\b[^.!?]{0,20}(?:bleed\w*|blood)|bleed\w* (?:heavily|a lot|badly|through|everywhere)|soak\w* (?:through )?(?:a |my |the |\w+ )?pads?|(?:severe|really bad|terrible|excruciating|sharp|intense|unbearable|worst|stabbing|agonising|agonizing) (?:[\w-]+ ){0,2}(?:pain|cramps?|cramping)|(?:feel|see|can see|touch) (?:the )?(?:umbilical )?cord|cord (?:is )?(?:coming out|hanging|prolaps\w*|visible|came out)|shoulder[- ]tip pain|(?:feel(?:ing)?|felt|about to|going to) (?:faint|pass out)|fainted|passed out|collapsed|(?:baby|bump) (?:has |is |)(?:not (?:moving|kicking)|stopped (?:moving|kicking)|moving (?:less|much less)|has not moved|not moved)|(?:have not|has not|not|no|can not) (?:felt |feel |feeling |been |any |had )*(?:the |her |his |my )?(?:baby|fetal|foetal)? ?(?:movements?|kicks?|kicking|move|moving)|(?:severe|bad|terrible|pounding|splitting|worst|really bad) headache|(?:blurred|blurry|blurring|flashing lights|spots|sparkles|stars)\b[^.!?]{0,12}(?:vision|eyes?|in front)|vision (?:is )?(?:blurr\w*|going|spotty)|(?:sudden(?:ly)? )?(?:swollen|puffy) (?:face|hands|fingers)|(?:face|hands|fingers) (?:are |is |have |has |suddenly )*(?:swollen|swelling|puffy)|(?:seizure|fit|convulsion)|blood pressure (?:is )?(?:very |really )?high|\b(?:1[6-9]\d|2\d\d)\/(?:1[0-4]\d|9\d)\b)`;

const CANCER_TREATMENT = r`\b(?:chemo\w*|immunotherapy|neutropeni\w*|low (?:white (?:blood )?cell|neutrophil|wbc) count|radiotherapy|stem cell transplant|(?:on|having|getting|receiving|during|after|since|started) (?:my |his |her )?(?:cancer|leukaemia|leukemia|lymphoma) (?:treatment|therapy))\b`;
/** Self-harm or suicidal thinking said to be happening again ("I've started cutting again", "the thoughts are back again"). */
const RELAPSE_AGAIN = r`(?:\b(?:start(?:ed|ing)? (?:cutting|self[- ]?harming|harming|burning|having (?:those|suicidal|the|these) (?:thoughts|urges)|to (?:cut|self[- ]?harm|think about (?:it|dying|suicide|ending it)))|cutting|self[- ]?harming|harming myself|burning myself|doing it|thoughts?|urges?|feel(?:ing)? (?:like )?(?:that|this|suicidal|like dying|like ending it)|suicidal|tempted|thinking about (?:it|that|doing it|dying|suicide|ending it))\b[^.!?]{0,20}|\bstart(?:ed|ing)? (?:it |up |all over )?)\bagain\b(?! (?:and|but) (?:i am|i'm) (?:fine|ok|okay|well))`;
/** Body parts hurt in self-harm ("cutting my thighs"). */
const BODY = r`(?:arms?|forearms?|legs?|thighs?|skin|wrists?|stomach|belly|tummy|body|hands?|chest|hips?|ankles?|shoulders?)`;
const CANCER = r`\b(?:cancer|tumou?r|metasta\w*|chemo\w*|myeloma|lymphoma|leuka?emia|oncolog\w*|radiotherapy)\b`;

// ---- Rules -----------------------------------------------------------------------------------
const suicide: CrisisRule[] = [
  // Explicit self-killing language, any person ("my son says he wants to kill himself" is a present risk).
  {
    id: "en.s.kill_self",
    category: "suicide",
    level: "high",
    pattern: r`(?<!(?:tried|attempted|attempting|trying) to )\b(?:kill?(?:ing)?|off(?:ing)?|hang(?:ing)?|drown(?:ing)?|shoot(?:ing)?|unaliv(?:e|ing)|end(?:ing)?|suffocat(?:e|ing)|gas(?:sing)?|throw(?:ing)?) ${SELF}\b(?! (?:laughing|at work|at the gym|working|studying|over (?:this|it|work)|to (?:finish|get|make|meet|pass)|with (?:work|stress|worry|overtime|guilt)|into (?:work|my work|the|it)|out of|down|on the (?:bed|sofa|couch)|at (?:him|her|them)))`,
    imminentIf: r`\b(?:tonight|right now|today|about to|going to do it|have (?:the|a) (?:rope|gun|pills|knife)|this is goodbye|before i)\b`,
  },
  {
    id: "en.s.kms_slang",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:kms|kmsl|kys myself|sewer ?slides?|sewerslid\w*|un-?aliv(?:e|ed|ing)(?: (?:myself|me|my ?self))?|self[- ]?delet(?:e|ing|ion)|ctb|catch(?:ing)? the bus)\b(?! (?:to|from|at|stop|driver|ride|fare|pass|route|home|into town|in the morning))`,
  },
  {
    id: "en.s.end_life",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:end(?:ing)?|take|taking) ${POSS} (?:own )?li(?:fe|ves)\b(?! (?:back|into|in (?:my|his|her) hands|seriously|off))`,
      r`\bend (?:it all|everything|it (?:tonight|today|now|for good|forever|once and for all))\b(?! with| between)`,
      r`\bending it all\b`,
      r`\bend (?:my|the|all (?:the|my)|this) (?:suffering|pain|misery|torment|existence) (?:for good|forever|permanently|once and for all|myself|tonight|now)\b`,
      r`\btime (?:i |to |for me to )end(?:ed)? (?:it|it all|everything|my life|things)\b(?! with| between)`,
    ],
    imminentIf: r`\b(?:tonight|right now|today|about to)\b`,
  },
  {
    id: "en.s.suicide_intent",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:i|he|she|they|we)\b${GAP}{0,4}? (?:commit|attempt)(?:ting)? ${SUICIDE}\b`,
      r`\b(?:want|wanted|wanting|going|plan|planning|intend|intending|ready|decided|tempted|about|urge|urges|thinking (?:about|of)|thought about|considering|contemplating) (?:to )?(?:commit|commiting|committing|attempt|attempting) ${SUICIDE}\b`,
      r`\bthinking (?:about|of) ${SUICIDE}\b`,
      r`\bthoughts? (?:of|about) (?:${SUICIDE}|killing (?:myself|himself|herself)|ending (?:it|it all|my life|things|everything)|taking my (?:own )?life|dying|not being (?:here|alive)|not waking up)\b`,
      r`\b(?:thinking|thought|think|dream(?:ing)?|fantasi[sz](?:e|ing)) (?:about|of) (?:just )?(?:ending (?:it|it all|my life|things|everything)|killing myself|taking my (?:own )?life|not being (?:here|alive)|overdosing|taking (?:all|an overdose|a bottle)|jumping (?:off|from|in front)|hanging myself|cutting my wrists|slitting my|drowning myself|stepping (?:in front of|off)|driving (?:my car )?(?:into|off)|(?:turning|yanking|jerking|pulling) the (?:steering )?wheel|swerving (?:into|off|in front)|crashing (?:my|the) car|going over the (?:edge|side|railings?|barrier)|letting go (?:of the (?:rail|railing|wheel))?|walking (?:into|in front of) (?:the (?:sea|river|lake|traffic)|traffic|a (?:bus|train|lorry|truck)))\b`,
      r`\bwant (?:it all|everything|my life|this life|all of (?:this|it)) to (?:end|stop|be over)\b`,
      r`\bwant (?:it|the pain|this) to (?:end|stop|be over) (?:forever|for good|permanently|once and for all)\b`,
      r`\b${SUICIDE} (?:is|seems) (?:the only|my only|the answer|my answer)`,
    ],
  },
  {
    id: "en.s.suicidal",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:i am|i have been|i feel|feeling|i get|i keep getting|i became|is|are|has been|have been|getting|become|becoming|feel|felt|so|very|really|actively|passively)${GAP}{0,2}? ${SUICIDAL}\b(?!-)`,
      r`\b(?:i|my [\w-]+|he|she)\b${GAP}{0,3} (?:having|have|has|get|getting|keep having|experiencing) (?:\w+ )?${SUICIDAL} (?:thoughts?|feelings?|urges?|ideation|impulses?)`,
      // "suicidal thoughts are back", "the suicidal urges won't stop"
      r`\b${SUICIDAL} (?:thoughts?|feelings?|urges?|ideation|impulses?|voices?|ideas?) (?:are |is |have |has |keep |keeps |just )?(?:back|again|returning|returned|coming back|came back|(?:getting|got|are getting) (?:worse|stronger|louder|bad)|worse|stronger|louder|every (?:day|night)|all the time|non-?stop|will not (?:stop|go away|leave)|do not stop|(?:today|tonight|this week|right now))\b`,
    ],
    unless: HISTORY,
  },
  {
    id: "en.s.want_die",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:i|he|she|they|part of me|me)\b${GAP}{0,3}? (?:want(?:s|ed)?|wish(?:es|ed)?|would like|need|long|longing|pray(?:ing)?|am ready|is ready|hope) to (?:just |simply |finally )?(?:die|be dead|not exist|stop existing|not be alive|disappear (?:forever|for good|permanently)|fall asleep (?:forever|and never)|go to sleep (?:forever|and never)|sleep forever|be gone|not be here)\b(?! (?:my|her|his|their) (?:hair|beard|eyebrows|clothes)| (?:it|them) (?:red|blue|black|pink|purple|green|blonde)| (?:of|from) (?:embarrassment|boredom|shame|laughter|cringe)| laughing| at home| in (?:peace|hospital|a hospice|hospice|my own bed|his own bed|her own bed)| with dignity| peacefully| comfortably| surrounded| when)`,
    imminentIf: r`\b(?:tonight|right now|today)\b`,
  },
  {
    id: "en.s.not_want_live",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:do not|does not|no longer|never|not|did not) (?:really |even |want to |wish to |feel like )*(?:want|wish) to (?:live|be alive|exist|wake up|keep living|keep going|go on|carry on|be here any ?more|be on this earth|see tomorrow|see another day)\b(?! (?:in|with|near|at|on|there|somewhere|abroad|alone with|here|for))`,
      r`\b(?:hope|hoping|pray|praying|wish) (?:that )?(?:i|he|she) (?:do not|does not|never|will not|would not|would never) wake up\b`,
    ],
  },
  {
    id: "en.s.wish_dead",
    category: "suicide",
    level: "high",
    pattern: [
      r`\bwish(?:ed|es|ing)? (?:that )?(?:i|he|she) (?:was|were|could be|had been|would be) dead\b`,
      r`\bwish(?:ed|es|ing)? (?:that )?i (?:had )?never (?:been born|existed|woke up)\b`,
      r`\bbetter off dead\b`,
      r`\b(?:so (?:that )?i (?:can |will |would |could )?die|hoping (?:that )?i (?:will |would )?die|hoping to die|in order to die|until i die)\b`,
      r`\bwish(?:ed|es|ing)? (?:that )?i could (?:just )?(?:die|disappear|not wake up|sleep forever|stop existing|fall asleep and)`,
      r`\b(?:would|could) (?:just )?(?:happily |gladly )?(?:die|stop existing) (?:right now|tonight|today)\b`,
      r`\b(?:welcome|look forward to|long for|pray for|wait for|waiting for) (?:death|dying|the end)\b`,
      r`\b(?:hop(?:e|ed|ing)|wish(?:ed|es|ing)?|pray(?:ed|ing)?|would not mind if|do not care if) (?:that )?i (?:get|got|would get|could get|will get|might get|will be|died in|die in|would die in|would be) (?:hit by|run over|killed|cancer|a crash|an accident|my sleep|something terminal|a terminal|a heart attack)`,
      r`\b(?:do not|does not|did not) (?:really |even )?care (?:any ?more )?(?:if|whether) (?:i|he|she) (?:die|dies|live or die|lives or dies|wake up|wakes up|am alive|is alive|survive|make it)\b(?! (?:my|her|his|their|it|them|the)\b)`,
    ],
  },
  // "I'd rather die" is common teenage hyperbole: ignored when the message jokes ("lol").
  {
    id: "en.s.rather_die",
    category: "suicide",
    level: "high",
    jokeable: true,
    pattern: r`\b(?:would|had) rather (?:just )?(?:be dead|die|not (?:be alive|exist|wake up))\b(?! than (?!(?:keep|live|living|go on|going on|carry on|continue|feel|feeling|face|wake up|spend|suffer|be like this|exist)\b))`,
  },
  {
    id: "en.s.welcome_death",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:dying|death|being dead|not waking up|never waking up|not wake up|to die|if i died|if i did not wake up)\b[^.!?]{0,40}?\bwould (?:not be (?:so |that |the worst|a bad|bad|terrible)|be (?:a relief|a blessing|a mercy|easier|welcome|okay|ok|fine|nice|peaceful))`,
      r`\bi would (?:welcome|not mind|be happy with|be fine with|be glad of) (?:death|dying|it if i died|not waking up|never waking up)\b`,
      r`\bi would welcome it\b`,
    ],
    unless: r`\b(?:palliative|hospice|end[- ]of[- ]life|advance (?:care|directive)|dnr|do not resuscitate|when the time comes|assisted dying|euthanasia)\b`,
  },
  {
    id: "en.s.imagine_death_relief",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:imagin\w*|pictur\w*|fantasi[sz]\w*|daydream\w*|think\w* about|dream\w* about|plan\w*) (?:about )?(?:my own|my) (?:funeral|death|dying|grave|being dead|not being here)\b`,
    with: [r`\b(?:relie(?:f|ved)|peace(?:ful)?|calm(?:ing|s me)?|comfort\w*|want it|wish|happy|happier|better|over with|it is over|finally)\b`],
    unless: r`\b(?:scared|afraid|terrified|frightened|anxiety|anxious|panic|health anxiety|fear of (?:death|dying))\b`,
  },
  {
    id: "en.s.deserve_die",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:i|he|she) (?:\w+ )?(?:deserve|deserves) to die\b`,
      r`\b(?:i|he|she) (?:do not|does not) deserve to (?:live|be alive|exist)\b`,
      r`\bi (?:should|ought to) (?:just )?(?:die|be dead|not exist|not be alive|never have been born|kill myself)\b`,
    ],
  },
  {
    id: "en.s.goodbye_signal",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:said|saying|says|sent|texted|messaged|posted|wrote|left)\b[^.!?]{0,25}\b(?:goodbye|farewell|final message|last message)\b`,
    with: [r`\b(?:pills?|tablets?|rope|razor|blade|bridge|roof|note|sorry for everything|forgive me|love you all|blocked|will not answer|not answering|can not reach|is not picking up|not picking up|phone (?:is )?(?:off|switched off))\b`],
    imminentIf: NOW,
  },
  // "She texted 'sorry for everything, I love you' and isn't answering": a farewell, then silence.
  {
    id: "en.s.farewell_unreachable",
    category: "suicide",
    level: "imminent",
    pattern: r`\b(?:sorry for everything|forgive me|i love you all|love you all|goodbye|this is goodbye|thank you for everything|take care of (?:mum|mom|dad|the kids|my|yourself|everyone)|look after (?:mum|mom|dad|the kids|my|everyone)|(?:i am )?sorry,? i love you|tell (?:mum|mom|dad|everyone|them) i love (?:her|him|them))\b`,
    with: [r`\b(?:not answering|is not answering|will not answer|not picking up|is not picking up|not replying|no reply|not responding to|can not (?:reach|get hold of|get through to|find) (?:her|him|them)|(?:phone|mobile) (?:is )?(?:off|switched off|dead|going (?:straight )?to voicemail|goes (?:straight )?to voicemail)|straight to voicemail|blocked me|no one knows where (?:she|he|they) (?:is|are)|has gone missing|is missing|disappeared|not (?:at home|in (?:her|his|their) room))\b`],
    unless: r`\b(?:last (?:year|month|week)|years ago)\b`,
  },
  // A screening question answered yes ("asked if I'd thought of killing myself — yes, most days").
  {
    id: "en.s.screening_yes",
    category: "suicide",
    level: "high",
    ownsFrame: true,
    pattern: r`\b(?:asked|asks|ask|asking|question(?:ed|s)?|screening|have you|did you|do you|are you|were you|q)\b[^!]{0,80}?(?:${SUICIDE}|${SUICIDAL}|kill(?:ing)? (?:myself|yourself)|end(?:ing)? (?:my|your) (?:own )?life|tak(?:e|ing) (?:my|your) (?:own )?life|(?:want|wanted|wish|wished|wanting) to (?:die\b(?! (?:my|her|his|their|it|them|the)\b)|be dead)|wish(?:ed)? (?:you|i) (?:were|was|could be) dead|wish(?:ed)? (?:you|i) could (?:go to sleep|fall asleep|die|disappear)|not wak(?:e|ing) up|thoughts? (?:of|about) (?:killing|ending|death|dying|not being)|better off dead|(?:hurt|harm)(?:ing)? (?:myself|yourself)|how (?:you|i) (?:would|will|might|could) do it|acting on (?:them|it|those thoughts)|a plan (?:to|for) (?:it|that|doing it|how))\b[^!]{0,40}?(?:[?.:;,—–-]|\band\b|\bi (?:said|told|answered))\s*(?:(?:a|answer|me|my answer)\s?:\s*)?(?:and |so |but )?(?:i )?(?:said |told (?:her|him|them|the \w+) |answered |admitted |had to say )?(?:yes|yeah|yep|yes i have|i have|i do|i did|honestly,? yes)\b(?! (?:to (?:the|a) |please|and no\b))`,
    unless: r`\b(?:years ago|in the past(?! (?:month|week|fortnight|few (?:days|weeks)|couple of (?:days|weeks)|\w+ (?:days|weeks|hours)|day|night|hour|24|48))|used to|when i was|not (?:now|any ?more|these days)|no longer|is (?:it|that) normal (?:that|for) (?:they|them|the)|why (?:do|did|would) they ask)\b`,
  },
  // A worked-out method or time, said alongside suicidal talk ("…and I've worked out how").
  {
    id: "en.s.plan_how",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:worked out|figured out|planned(?: out)?|thought (?:about|through)|know(?: exactly)?|decided(?: on)?|chosen|picked) (?:exactly )?(?:how|when|where)(?: (?:i would|i will|i am going to|to|i could))?(?: (?:do it|end it|go through with it|kill myself|die))?(?=\s*(?:$|[.!?,;:—–-]|and\b|too\b|already\b|now\b))`,
    with: [r`\b(?:${SUICIDE}|${SUICIDAL}|kill(?:ing)? (?:myself|yourself)|end(?:ing)? (?:my life|it all|it)|die|dying|be dead|overdos\w*|pills|rope|jump)\b`],
    unless: r`\b(?:years ago|in the past(?! (?:month|week|fortnight|few (?:days|weeks)|couple of (?:days|weeks)|\w+ (?:days|weeks|hours)|day|night|hour|24|48))|used to|novel|story|character)\b`,
  },
  {
    id: "en.s.cant_go_on",
    category: "suicide",
    level: "high",
    pattern: [
      r`\bcan not (?:go on|carry on|keep going|keep living|live like this|live with (?:this|myself) any ?more|face (?:another day|living|tomorrow|life))\b(?=\s*(?:$|[.!?,;:]|like this|any ?more|any longer|living|with (?:my |this )?life|much longer|without (?:him|her|them)|and|i |please|now))`,
      r`\b(?:do not (?:think|know (?:if|how|whether)|see how)|not sure (?:if |whether )?|no longer (?:think|believe)) i can (?:go on|keep going|carry on|keep living|live like this|do this any ?more)\b`,
      r`\bi (?:just |really |honestly |simply )?can not any ?more(?=\s*(?:$|[.!?]))`,
    ],
  },
  {
    id: "en.s.tired_of_life",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:tired|sick|sick and tired|exhausted|weary) of (?:living|life|being alive|existing|waking up)\b`,
      r`\b(?:done|finished) with (?:life|living|this life|it all|being alive|everything,? i)\b`,
      r`\bhad enough of (?:life|living|being alive)\b`,
      r`\bgive up on (?:life|living)\b`,
      r`\bgiven up on (?:life|living)\b`,
      r`\b(?:lost|no|have no|without) (?:the )?will to live\b`,
      r`\bnothing (?:left )?to live for\b`,
      r`\bno (?:reason|point)(?: for me| left)?(?: (?:to|in|for|of))? (?:live|living|go on|going on|being alive|carry on|carrying on|wake up|waking up|staying alive|stay alive|be here|being here|my life)\b(?! (?:about|at|with|a|an|the|holiday|vacation|trips?|dates?|diets?|and on)\b)`,
      r`\bwhat is the point (?:of|in) (?:living|life|going on|being alive|carrying on|staying alive|waking up)\b`,
      r`\b(?:life|living) (?:is|feels|seems) (?:not worth (?:living|it)|pointless|meaningless)\b`,
      r`\bnot worth living\b`,
      r`\b(?:do not|can not) see (?:any|a|another|other|the) (?:way out|point in (?:living|life|going on|being alive))\b(?: (?:except|but|other than) (?:dying|death|${SUICIDE}|to die|killing myself|ending it))?`,
      r`\b(?:no|any|the only) (?:other )?way out (?:except|but|other than|is) (?:dying|death|${SUICIDE}|to die|killing myself|ending it)\b`,
      r`\b(?:death|dying|${SUICIDE}) (?:is|seems like|feels like) the only (?:way out|answer|option|solution|escape)\b`,
      r`\b(?:easier|better|simpler|best|a relief)\b[^.!?]{0,25}\bif i (?:just |simply )?(?:was not|were not|was no longer|were no longer|did not exist|died|disappeared|was gone|were gone|was dead|were dead|did not wake up)(?: (?:here|around|alive))?\b`,
    ],
  },
  {
    id: "en.s.burden_gone",
    category: "suicide",
    level: "high",
    pattern: [
      r`\bbetter off without me\b`,
      r`\b(?:better|happier|easier|lighter)\b[^.!?]{0,20}\bwithout me\b`,
      r`\b(?:would|will) (?:all )?be (?:so much |much |a lot )?(?:better|happier|easier) (?:off )?(?:if i (?:was|were|am) (?:gone|dead|not (?:here|around))|with me (?:gone|dead|out of the way)|without me)\b`,
      r`\b(?:no one|nobody)(?: else)? (?:would|will|is going to) (?:even )?(?:care|notice|miss me|mind|cry)\b[^.!?]{0,20}\bif i (?:died|was gone|were gone|disappeared|vanished|was dead|were dead|killed myself|did not wake up|was not here|were not here|was not around|were not around|stopped existing|ceased to exist)`,
      r`\b(?:no one|nobody) would miss me\b`,
      r`\b(?:better off|be (?:fine|okay|ok|alright|provided for|looked after|set for life))\b[^.!?]{0,30}\b(?:life insurance|insurance (?:money|payout|pay-?out))\b`,
      r`\b(?:doing|do) (?:everyone|them|the world|my (?:family|kids|parents)|you all|everybody) a favou?r (?:if|by) (?:i )?(?:just )?(?:disappear\w*|died|dying|killing myself|was gone|were gone|ending it|not being (?:here|around)|was not (?:here|around)|left for good)\b`,
    ],
  },
  {
    id: "en.s.join_dead",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:want|wanted|wish|long|longing|ready|going|need) to (?:be with|join|see|follow) (?:him|her|them|my [\w-]+) (?:again|in heaven|on the other side|up there|soon|there)\b`,
      r`\b(?:be with|join) (?:him|her|them) (?:again|in heaven|on the other side)\b`,
    ],
    with: [DEATH_CONTEXT],
  },
  {
    id: "en.s.leave_world",
    category: "suicide",
    level: "high",
    pattern: [
      r`\bleave this (?:world|earth|life)\b`,
      r`\bthis is (?:my )?(?:last|final) (?:message|goodbye|words|night)\b`,
      r`\bby the time (?:you|anyone|someone) (?:read|reads|see|sees|find|finds) this\b`,
      r`\b(?:the )?(?:last|final) time (?:you|anyone) (?:will|are going to|is going to|would) (?:ever )?(?:hear from|see|talk to|speak to) me\b|\b(?:you|no one|nobody) will (?:never|not) (?:hear from|see) me again\b`,
      r`\b(?:check(?:ing)? out|clock(?:ing)? out|log(?:ging)? off|tap(?:ping)? out|bow(?:ing)? out|exit(?:ing)?) (?:of |from )?(?:life|this life|this world|existence)\b|\b(?:check(?:ing)? out|clock(?:ing)? out|exit(?:ing)?) (?:early |for good |permanently )(?:from (?:life|this world))?`,
      r`\bgoodbye (?:forever|for good|everyone|world|cruel world)\b`,
      r`\bsay(?:ing)? (?:my )?(?:final|last) goodbyes?\b`,
      r`\b(?:wrote|written|writing|left|leave|have) (?:a |my )?(?:${SUICIDE}|goodbye|farewell) (?:note|letter)s?\b`,
    ],
    imminentIf: NOW,
  },
  // "Won't be around much longer" is a farewell — unless the writer is talking about a terminal illness or a move.
  {
    id: "en.s.not_around",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:will not|not going to|may not|might not) be (?:here|around|alive) (?:tomorrow|much longer|any ?more|next week|for long|by (?:tomorrow|morning|the weekend))\b`,
      r`\b(?:will not|not going to|may not|might not) be (?:here|around|alive) (?:after|past|beyond|by|come|for) (?:tonight|tomorrow|this|next|the (?:weekend|end of)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|new year|my birthday)\b`,
      r`\b(?:do not|never) (?:think|expect|reckon|imagine|see) (?:that )?i (?:will|would|am going to) (?:be (?:here|around|alive)|make it|last|see) (?:much longer|for long|tomorrow|another|the (?:weekend|week|month|year|new year)|next|till|until|to (?:the|my))\b`,
    ],
    imminentIf: NOW,
    unless: r`\b(?:palliative|hospice|terminal|end[- ]of[- ]life|prognosis|doctors? (?:say|said|gave)|cancer|tumou?r|metasta\w*|months to live|weeks to live|stage (?:4|four|iv)|leaving (?:for|on)|moving|move (?:to|abroad)|flight|trip|holiday|vacation|new job|contract|internship)\b`,
  },
  {
    id: "en.s.not_wake",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:go|going|fall|falling|drift off|drifting off) to sleep and (?:never|not) wak(?:e|ing) up\b`,
      r`\bsleep (?:forever|and never wake up)\b`,
      r`\b(?:dying|die) in my sleep (?:tonight|would|and)\b`,
    ],
    unless: r`\b(?:palliative|hospice|end[- ]of[- ]life|when the time comes|sids|cot death|sleep apnoea|sleep apnea)\b`,
  },
  // Method seeking without a benign context (a caregiver's safe-dose question is not this).
  {
    id: "en.s.method_dose",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:lethal|fatal|deadly|killing) (?:dose|amount|quantity|number|overdose)\b`,
      r`\b(?:most|more|least|the) (?:dangerous|deadly|lethal|toxic|fatal) (?:in|for|as|if i took) (?:an? )?overdose\b`,
      r`\b(?:dose|amount|how much|how many|quantity)\b[^.!?]{0,30}\b(?:is|are|would be|will be|becomes?) (?:lethal|fatal|deadly)\b`,
      r`\benough (?:\w+ ){0,3}to (?:kill (?:me|myself|a person|someone|you)|die|be fatal|be lethal|end it|not wake up|never wake up|stop (?:my|your|the) heart)\b`,
      r`\bhow (?:many|much) (?:of )?(?:[\w'-]+ ){0,3}${MEDS}\b[^.!?]{0,25}\b(?:it would take|would it take|it takes|does it take|would be enough|is enough|are enough|would do it)\b`,
      r`\bhow (?:many|much)\b[^.!?]{0,40}?\b(?:to|would|will|does it take to|could|can|before (?:it|they|you|i)) (?:kill|die|be fatal|be lethal|stop (?:my|your|the) heart|never wake up|not wake up|end it|overdose|od)\b`,
    ],
    unless: r`\b(?:just curious|out of curiosity|safe|safely|accident(?:al|ally)?|by mistake|avoid|prevent|pharmacology|toxicology|exam|nursing (?:school|student)|course|storing|store|keep away|my (?:dog|cat|pet)|the (?:dog|cat)|weeds?|pests?|rats|mice|bacteria|germs|cancer cells|tumou?r|lice|fleas|a horse)\b`,
  },
  {
    id: "en.s.method_how",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:quickest|fastest|easiest|painless(?:est)?|best|surest|most effective|least painful|quietest|simplest|cleanest) (?:way|method|means) (?:to|of) (?:die|dying|kill (?:myself|yourself|oneself)|end (?:it|my life|it all)|commit ${SUICIDE}|${SUICIDE}|overdose|hang)\b`,
      r`\bhow (?:to|do i|can i|could i|would i|should i|do you|does one) (?:kill (?:myself|yourself|oneself)|end (?:it all|my life|it)|commit ${SUICIDE}|overdose|hang (?:myself|yourself)|die (?:quickly|painlessly|fast|without pain|in my sleep|peacefully))\b`,
      r`\b(?:googl\w*|search\w*|look(?:ing|ed)? up|research\w*|read(?:ing)? about|reading up on) (?:\w+ ){0,2}(?:ways|methods|how) (?:to|of) (?:die|dying|kill myself|end it|end my life|commit ${SUICIDE}|${SUICIDE}|overdose)\b`,
      r`\bways to (?:die|kill myself|end it all|end my life|commit ${SUICIDE})\b`,
      r`\b(?:a|any|some|the|an easy|a quick) (?:way|method|means) (?:to|of|that i could|i could|for me to) (?:just |simply |quietly |finally )?(?:die|go|pass away|slip away|fall asleep and not wake up|never wake up|not wake up)\b[^.!?]{0,20}?\b(?:peacefully|painlessly|quietly|quickly|in (?:my|your|one's|their) sleep|without (?:pain|feeling (?:it|anything)|hurting)|and not wake up|for good)\b`,
      r`\bhow (?:high|tall|many floors|many stor(?:ey|ie)s|far)\b[^.!?]{0,30}\b(?:to die|to kill|kill (?:me|you|a person|someone)|fatal|to not survive|be enough)\b`,
      r`\b(?:which|what) (?:\w+ )?(?:pills?|drugs?|medications?|medicines?|tablets?|poisons?|chemicals?) (?:would|could|will|can|are) (?:kill|be fatal|be lethal|end|make me not wake)\b`,
      r`\bhow (?:to|do (?:i|you)|can i|would i|should i|does one) (?:tie|make|rig|set up|hang) (?:a |the )?noose\b`,
      r`\bhow (?:long|fast|quickly) (?:does it take|it takes|would it take|will it take|until you|before you|do you have|till you) (?:to |for (?:me|someone|a person) to )?(?:bleed out|bleed to death|die|drown|suffocate|lose consciousness|pass out and die|stop breathing)\b`,
      // "Is carbon monoxide painless?", "does drowning hurt?" — asking what a method feels like.
      r`\b(?:is|are|would|does|do|will) (?:dying (?:from|by|of) )?(?:carbon monoxide|co poisoning|car exhaust|exhaust fumes|charcoal|helium|hanging|being hanged|drowning|an overdose|overdosing|bleeding out|slitting (?:your|my) wrists|a gunshot|a paracetamol overdose|an insulin overdose)(?: (?:from|in|with|by|of) (?:a |the |your |my )?\w+)? (?:(?:really|very|actually|that|so|a|quick and|fast and) )?(?:painless|quick|quicker|fast|peaceful|hurt|hurts|painful)\b`,
    ],
    unless: r`\b(?:just curious|out of curiosity|accident(?:al|ally)?|by mistake|my (?:dog|cat|pet)|the (?:dog|cat)|weeds?|pests?|rats|mice|bacteria|germs|a tree|plants?|boat|sailing|knots? for|history|execution|executed|capital punishment|alarm|detector|boiler|leak|lifeguard|swimming|dry drowning|pool safety|first aid|trauma course|paramedic|novel|story|character|screenplay|insurance fraud|cancer|hospice|palliative)\b`,
  },
  // Wanting one's death to pass as an accident ("if I crash the car it'll look like an accident, right?").
  {
    id: "en.s.disguise_accident",
    category: "suicide",
    level: "high",
    pattern: r`\bif i\b[^.!?]{0,50}\b(?:it will|it would|will it|would it|would that|will that|it might|it could) (?:look|seem|pass|be seen) (?:like|as) (?:an? )?(?:accident|natural causes|natural death)\b|\bmake (?:it|my death) (?:look|seem) (?:like )?(?:an )?(?:accident|natural)\b`,
    unless: r`\b(?:novel|story|character|screenplay|plot|game|insurance (?:fraud|claim)|scratch|dent|bumper)\b`,
  },
  // "Tallest bridge near me? don't ask why" — asking for a high place while withholding the reason.
  {
    id: "en.s.height_evasive",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:tallest|highest|biggest drop|longest drop|high(?:est)? enough) (?:\w+ ){0,2}?(?:bridge|building|cliff|car park|parking garage|multi-?stor(?:e)?y|tower|roof|rooftop|viaduct|overpass|dam)\b`,
    with: [r`\b(?:rather not say|not say why|do not ask(?: why)?|no reason|reasons|you do not want to know|will not say|can not say|never mind why|does not matter why|just need to know|asking for a friend|for reasons)\b`],
  },
  // Intentional overdose: any subject, unless it reads as an accident or a young child's ingestion.
  {
    id: "en.s.overdose_taken",
    category: "suicide",
    level: "imminent",
    pattern: [
      r`\b(?:took|taken|swallowed|downed|popped|ate|eaten|necked|overdosed on|drank|drunk)\s+${BULK_MEDS}`,
      r`\b(?:i|he|she|they)${GAP}{0,2} (?:overdosed|took an overdose|have taken an overdose|has taken an overdose|am overdosing|od'?d|od'?ed)\b`,
    ],
    unless: r`${ACCIDENT}|${CHILD}|\b(?:over the (?:day|week)|as prescribed|in recovery|was prescribed|dog|cat|puppy|kitten|pet)\b`,
  },
  {
    id: "en.s.overdose_plan",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:going to|about to|will|want to|plan(?:ning)? to|thinking (?:about|of)|tempted to|is|am|are|been) (?:take|taking|swallow|swallowing|overdose on|overdosing on|down|downing)\s+${BULK_MEDS}`,
      r`\b(?:going to|about to|want to|plan(?:ning)? to|thinking (?:about|of)|tempted to) (?:overdose|od)\b`,
      r`\b(?:going to|about to|want to|plan(?:ning)? to|thinking (?:about|of)|tempted to|will) (?:drink|drinking|swallow|swallowing|eat|eating|take|taking)\b[^.!?]{0,25}\b${POISONS}\b`,
    ],
    unless: r`\b(?:as prescribed|every (?:day|morning|night|evening)|daily|in the morning|at night|with (?:food|meals|breakfast|water)|at the same time|together|at once\?|should i|can i|is it (?:ok|okay|safe|fine)|remember to|forgot|forget)\b`,
    imminentIf: r`\b(?:tonight|right now|now|today|about to)\b`,
  },
  {
    // "take them all" only counts when the same message or a recent turn names medicines.
    id: "en.s.take_them_all",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:going to|gonna|about to|want to|plan(?:ning)? to|will|could) (?:just )?(?:take|swallow|down) (?:them|those|these|the lot|it) (?:all|at once)\b|\b(?:take|swallow|down) (?:all of them|the lot|them all)\b`,
    with: [r`\b${MEDS}\b`],
    unless: r`\b(?:should i|can i|is it (?:ok|okay|safe|fine)|do i|with (?:food|meals|breakfast|water)|as prescribed|every (?:day|morning|night))\b`,
    imminentIf: r`\b(?:tonight|right now|now|today|about to)\b`,
  },
  {
    id: "en.s.means_focus",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:keep|kept|been|sit|sitting|sat|am|was) (?:just )?(?:looking|staring|thinking) (?:at|about) (?:the|my|a|those|these|her|his|that) (?:[\w'-]+ ){0,3}?(?:pills|tablets|bottle|rope|knife|blade|razor|gun|noose)\b`,
  },
  {
    id: "en.s.means_focus_ref",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:keep|kept|been|sit|sitting|sat|am|was) (?:just )?(?:looking|staring) at (?:it|them)\b`,
    with: [r`\b(?:pills|tablets|bottle of|rope|knife|blade|razor|gun)\b`],
  },
  {
    id: "en.s.stockpile",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:saving|stockpiling|hoarding|collecting|stashing|saved up|been saving|been collecting|stockpiled|hoarded|storing up|built up a stash of) (?:up )?(?:(?:my|all my|all the|some|enough|the|his|her|all his|all her) )?(?:[\w-]+ )?${MEDS}\b`,
      // The same preparation said the other way round: "I have pills saved up".
      r`\b${MEDS} (?:[\w'-]+ ){0,2}?(?:saved|stockpiled|stashed|hoarded|put aside|hidden away|squirrell?ed away)\b`,
      r`\b(?:my|a|his|her|their) (?:secret |hidden |little )?(?:stash|stockpile|hoard|supply) of (?:[\w-]+ ){0,2}?${MEDS}\b`,
    ],
    unless: r`\b(?:dispose|disposal|get rid of|expired|throw (?:them )?away|pharmacy take back|return them)\b`,
  },
  {
    id: "en.s.wrists",
    category: "suicide",
    level: "imminent",
    pattern: r`\b(?:cut|slit|slashed|slitting|slashing|opened up|sliced) (?:open )?(?:my|his|her|their) (?:wrists?|throat|veins?)\b`,
    unless: r`\b(?:by accident|accidentally|broken glass|glass|cooking|chopping|knife slipped|shaving|on a)\b`,
  },
  {
    id: "en.s.self_harm",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:want(?:ed)? to|going to|urges? to|urge to|thinking (?:about|of)|started|start|keep|kept|been|can not stop|have been|need to|feel like) (?:\w+ ){0,2}(?:cut(?:ting)?|burn(?:ing)?|hurt(?:ing)?|harm(?:ing)?|scratch(?:ing)?|hit(?:ting)?|punch(?:ing)?|punish(?:ing)?|bruis(?:e|ing)|starv(?:e|ing)) ${SELF}\b`,
      r`\b(?:cut|cutting|burn|burning|burnt|burned|hurt|hurting|harm|harming|scratch|scratching|hit|hitting|punch|punching|punish|punishing) ${SELF} (?:on purpose|deliberately|intentionally|again|to (?:cope|feel|calm|punish|release|stop|forget|make|get)|when(?:ever)? i|every (?:time|night|day)|until)\b`,
      r`\bself[- ]?harm(?:ing|ed|s)?\b`,
      r`\b(?:cutting|cut|burning|burnt|burned|scratching|scratched|carving|carved|hitting|punching|biting|bit|picking) (?:at )?(?:my|his|her) (?:own )?(?:arms?|legs?|thighs?|skin|wrists?|stomach|body|face|head)\b[^.!?]{0,40}\b(?:until|till|to feel|on purpose|deliberately|so (?:that )?i|to cope|to punish|to calm|whenever|every time|bleed\w*|blood)\b`,
      r`\b(?:bang|banging|hit|hitting|smash|smashing) (?:my|his|her) head (?:against|on|into) (?:the |a )?(?:wall|floor|door)\b[^.!?]{0,40}\b(?:until|till|bleed\w*|blood|whenever|every time|calm|on purpose)\b`,
      r`\b(?:stopped|stop|not) eating (?:on purpose|deliberately|so (?:that )?i (?:can )?die)`,
      r`\bstarv\w* (?:myself|himself|herself) (?:to death|on purpose)\b`,
      r`\b(?:started|start|been|keep|kept|back to|relapsed (?:on|into|with)) (?:cutting|self[- ]?harming|burning myself|harming myself)(?: again)?\b`,
      r`\b(?:cutting|self[- ]?harming) again\b`,
      // "SH" as shorthand for self-harm ("been SH'ing again", "urges to sh").
      r`\bsh[' -]?(?:ing|ed|d)\b|\b(?:urges? to|want to|relapsed?|clean from|started|been|keep|kept) sh\b|\bsh (?:again|urges?|relapse)\b`,
      // "burned myself with a lighter", "cut myself with a razor blade" (instruments used for self-harm, not cooking or shaving)
      r`\b(?:cut|cutting|burn|burnt|burned|burning|carv(?:e|ed|ing)|slash(?:ed|ing)?|scratch(?:ed|ing)?|stab(?:bed|bing)?) ${SELF} (?:\w+ ){0,2}?(?:with|using) (?:a |my |the |his |her |some )?(?:lighter|cigarettes?|razors?|razor blades?|blades?|compass|sharpener blade|box cutter|stanley knife|scissors|broken glass|pen knife|hot (?:spoon|knife|metal))\b`,
      r`\b(?:cut|cutting|burn|burnt|burned|burning|carv(?:e|ed|ing)|slash(?:ed|ing)?|scratch(?:ed|ing)?|stab(?:bed|bing)?) (?:my|his|her) (?:own )?${BODY} (?:\w+ ){0,2}?(?:with|using) (?:a |my |the |his |her |some )?(?:lighter|cigarettes?|razors?|razor blades?|blades?|compass|sharpener(?: blade)?|box cutter|stanley knife|scissors|broken glass|pen knife|hot (?:spoon|knife|metal)|matches|pins?|needles?)\b`,
      r`\b(?:keep|kept|been|started|start|can not stop|have been|has been) (?:cutting|burning|scratching|carving|slashing|scalding|stabbing) (?:at )?(?:my|his|her) (?:own )?${BODY}\b(?! (?:on|in|at|while|by|when (?:i am |i )?cook))`,
    ],
    unless: r`${HISTORY}|\b(?:self-?harm(?:ing)? (?:in|among|and) (?:teens|teenagers|young people|students|adolescents)|what is self-?harm|signs of self-?harm|about self-?harm|shaving|cook\w*|chopping|kitchen|knife slipped|by accident|accidentally)\b`,
  },
  {
    id: "en.s.self_harm_history",
    category: "suicide",
    level: "concern",
    pattern: [
      r`\b(?:used to|previously) (?:\w+ )?(?:self[- ]?harm|cut (?:myself|my (?:arms|legs|wrists))|be ${SUICIDAL}|try to kill myself)\b`,
      r`\bhistory of (?:self[- ]?harm|${SUICIDE} attempts?|overdoses?|${SUICIDAL})\b`,
      r`\b(?:tried|attempted) (?:${SUICIDE}|to kill myself|to end my life)\b[^.!?]{0,30}\b(?:years? ago|months ago|when i was|as a (?:teen|teenager|student)|in the past)\b`,
    ],
  },
  {
    id: "en.s.history_relapse",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:used to|previously|in the past(?! (?:month|week|fortnight|few (?:days|weeks)|couple of (?:days|weeks)|\w+ (?:days|weeks|hours)|day|night|hour|24|48))|(?:[\w-]+ )?(?:years?|months?) ago|last year|when i was (?:younger|a teen\w*|at (?:school|uni|university|college))|at (?:uni|university|college|school)|as a (?:teen\w*|student|kid))\b[^.!?]{0,40}\b(?:self[- ]?harm\w*|cut(?:ting)?|burn(?:ing|t|ed)? (?:myself|my)|overdos\w*|tried to (?:kill myself|end (?:it|my life)|die)|attempt(?:ed)? ${SUICIDE}|${SUICIDAL})\b`,
      r`\b(?:self[- ]?harm\w*|cut(?:ting)? (?:myself|my \w+)|cut|overdosed|tried to (?:kill myself|end (?:it|my life))|attempted ${SUICIDE}|${SUICIDAL})\b[^.!?]{0,40}\b(?:used to|previously|in the past(?! (?:month|week|fortnight|few (?:days|weeks)|couple of (?:days|weeks)|\w+ (?:days|weeks|hours)|day|night|hour|24|48))|(?:[\w-]+ )?(?:years?|months?) ago|last year|when i was|at (?:uni|university|college|school)|as a (?:teen\w*|student|kid))\b`,
    ],
    with: [r`${RELAPSE_AGAIN}|\b(?:start(?:ed|ing)?|think(?:ing)?|thoughts?|urges?|want(?:ing)?|feel(?:ing)?)\b[^.!?]{0,25}\b(?:lately|recently|these days|this week)\b|\b(?:lately|recently|these days|this week)\b[^.!?]{0,25}\b(?:think\w*|thoughts?|urges?|want\w*|tempted|cut\w*|harm\w*)\b|\b(?:relaps(?:e|ed|ing)|(?:coming|creeping|came|are|is) back)\b`],
  },
  {
    id: "en.s.attempt",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:i|he|she|they|my [\w-]+)\b${GAP}{0,2}? (?:tried|attempted|try|trying|attempting) (?:to )?(?:kill (?:myself|himself|herself|themselves)|end (?:my|his|her|their) (?:own )?life|commit ${SUICIDE}|take (?:my|his|her|their) (?:own )?life|${SUICIDE})\b`,
      r`\b${SUICIDE} attempt\b`,
      // "tried to hang myself last night", "she tried to overdose"
      r`(?:\b(?:i|he|she|they|my [\w-]+)\b${GAP}{0,2}? |^|(?<=[.!?;]\s?))(?:tried|attempted|try|trying|attempting) (?:to )?(?:hang|drown|suffocate|gas|shoot|poison|strangle|smother|electrocute|stab|cut) ${SELF}\b`,
      r`(?:\b(?:i|he|she|they|my [\w-]+)\b${GAP}{0,2}? |^|(?<=[.!?;]\s?))(?:tried|attempted|try|trying|attempting) (?:to )?(?:overdose|od|jump (?:off|from|in front)|end (?:it|it all|things))\b`,
    ],
    unless: HISTORY,
    imminentIf: r`\b(?:just|tonight|today|last night|an hour|minutes ago|this morning|right now)\b`,
  },
  {
    id: "en.s.jump",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:want|wanted|going|about|thinking (?:about|of)|plan(?:ning)?|ready|tempted|urges?|will|could just|might) (?:to )?(?:jump|jumping|throw(?:ing)? myself|step(?:ping)?|walk(?:ing)?|drive|driving|crash(?:ing)?) (?:off|from|in front of|under|into|my car into)\b`,
      r`\bbefore i (?:jump|do it|end it|kill myself|go through with it)\b`,
      r`\bjump (?:off|from) (?:the |a |this )?(?:bridge|roof|building|balcony|cliff|ledge|car park|tower)\b`,
      r`\b(?:about|ready|going|tried|tempted|so close) to (?:jump|hang myself)(?=\s*(?:$|[.!?,;]|but|and|off|from|tonight|now))`,
      r`\b(?:stopped|caught|found|pulled|talked) me (?:from |before i could |before i |out of |down from )?(?:taking|swallowing|jumping|hanging|cutting|overdosing|killing|ending|the edge|the ledge|the bridge)\b`,
    ],
    imminentIf: r`\b(?:now|right now|tonight|standing|here|before i|about to|on the (?:top|roof|edge|ledge|bridge))\b`,
  },
  {
    id: "en.s.at_edge",
    category: "suicide",
    level: "imminent",
    pattern: r`\b(?:i am|standing|sitting|up|here|i have climbed|i climbed|i went|i am now) (?:on|at|onto|to|by|near) (?:the )?(?:top floor|top|roof|rooftop|ledge|edge(?: of the (?:platform|roof|bridge|cliff|building|tracks))?|bridge|cliff|railway|train tracks|tracks|balcony railing|platform edge)\b`,
    with: [r`\b(?:jump|end it|goodbye|tell someone|do it|last|die|kill|no one|nobody|let go|over the edge|right now|looking down|so high|alone|working up (?:the )?(?:courage|nerve)|(?:let|letting|watched|watching) (?:the )?trains? (?:go|pass)|next train|step off|lean forward)\b`],
  },
  {
    id: "en.s.plan",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:have|got|made|making|worked out) (?:a |the |my )?plan (?:to|for|how to) (?:kill|end|die|do it|${SUICIDE}|take my)`,
      r`\bplann?(?:ed|ing) (?:how|when|where) (?:to|i will|i am going to|i would) (?:do it|die|end it|kill)\b`,
      r`\b(?:bought|got|have|buying|getting) (?:a |the |some )?(?:rope|gun|charcoal|noose|razor blades?)\b[^.!?]{0,20}\b(?:to|for) (?:kill|end|hang|do it|die)`,
    ],
    imminentIf: r`\b(?:tonight|today|now|ready)\b`,
  },
  // Putting affairs in order counts only with a final or despairing cue in the same message, so making a will,
  // decluttering before a move or a relative's funeral stays a plain question.
  {
    id: "en.s.farewell_prep",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:wrote|written|writing|left|leaving|leave|finished) (?:\w+ ){0,2}?(?:letters?|notes?|messages?|cards?|videos?) (?:to|for) (?:my |everyone|all|each|the |them|him|her|people)`,
      r`\b(?:give|gave|given|giving) (?:away )?(?:my|all my|most of my|all of my) (?:things|stuff|belongings|possessions|clothes|books|pets?|cat|dog|games|savings|money)(?: away)?\b`,
      r`\b(?:updated|made|wrote|written|sorted|finished|signed|changed) (?:out )?(?:my|a) (?:will|affairs)\b|\b(?:put|putting|got|getting|sorting|sorted) (?:out )?my affairs(?: in order)?\b`,
      r`\b(?:said|saying|say) (?:all )?my goodbyes\b`,
      r`\bmade (?:my )?peace\b`,
      r`\b(?:rehom(?:ed|ing)|found (?:a )?new homes? for) (?:my|the) (?:cat|dog|pets?|rabbit|bird)s?\b`,
      r`\b(?:planning|planned|picked|choosing|chose) (?:my )?(?:own )?funeral\b`,
      r`\b(?:passwords?|pin numbers?|bank details|account details)\b[^.!?]{0,30}\b(?:to|for|with) (?:my|her|him|them)\b`,
    ],
    with: [r`\b(?:this is it|(?:tonight|today)(?:'s| is)? the (?:night|day)|it is time|time to go|(?:i am )?ready to go|(?:when|how|where) i (?:will|am going to) do it|do it (?:tonight|this weekend|tomorrow|on \w+day|soon)|going to do it|will do it|(?:will not|do not|won't) (?:need|be needing) (?:them|it|anything)|no longer need|after i am gone|when i am gone|once i am gone|done with (?:everything|it all|life)|can not do this any ?more|(?:made|have|got) a plan|no one will miss|sorry for everything|forgive me|goodbye|for the last time|will not be (?:around|here)|before i go|not be here|my last (?:night|day)(?! (?:at|in|of|on))|ready to die)\b`],
    unless: r`\b(?:(?:his|her|their|dad'?s|mum'?s|mom'?s|grandma'?s|grandpa'?s|nan'?s) funeral|passed away|died|hospice|palliative|terminal|diagnos\w*|cancer|moving|move (?:house|abroad|to)|emigrat\w*|minimalis\w*|declutter\w*|downsiz\w*|retir\w*|deploy\w*|gap year|travel\w*|leaving (?:for|the country)|surgery|operation|lawyer|solicitor|estate plan\w*|coworkers|colleagues|last day (?:at|of)|leaving do|new job|graduat\w*|penpals?|wedding|christmas cards|birthday|advance (?:directive|care|decision)|living will|power of attorney|dnr|when the time comes)\b`,
    imminentIf: r`\b(?:tonight|right now|today|this is it)\b`,
  },
  // Acquiring a means together with a chosen place or time ("bought a rope, picked the spot").
  {
    id: "en.s.means_plan",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:bought|got|have|ordered|buying|getting|picked up|found|got hold of|have got|hidden|hid) (?:a |the |some |enough |my |a length of )?(?:rope|noose|charcoal|razor blades?|blades|gun|hose ?pipe|hose|helium|exit bag|ligature)\b`,
    with: [r`\b(?:(?:picked|chosen|chose|found|scoped out|worked out|decided on|know|checked) (?:out )?(?:a |the |my )?(?:spot|place|location|tree|beam|bridge|date|day|time|way)|(?:when|where) (?:i will|i am going to|to) do it|no one (?:will|would) find|nobody (?:will|would) find|when (?:everyone|they) (?:is|are) (?:out|asleep|away)|while (?:they|everyone) (?:are|is) (?:out|away|asleep)|in the (?:garage|woods|loft|attic|shed)|(?:tonight|this weekend) (?:is|it is)|for (?:tonight|when i)|(?:going to|will|plan to|planning to) do it|(?:duct |gaffer |masking )?tape)\b`],
    unless: r`\b(?:camping|climbing|boat|sailing|swing|tow(?:ing)?|gym|tug of war|skipping|jump rope|washing line|clothes ?line|garden(?:ing)?|watering|bbq|barbecue|grill|shaving|hunting|shooting range|range|club|licen[cs]e|cleaning|balloons?|party|tent|dog lead)\b`,
    imminentIf: r`\b(?:tonight|right now|today)\b`,
  },
  // "going to end it" is ambiguous (a relationship, a call); it counts with a means or despair cue.
  {
    id: "en.s.end_it_soft",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:going to|about to|want(?:s|ed)? to|ready to|will|plan(?:ning)? to|need to|decided to|might|just) (?:just )?end (?:it|things|everything)\b(?! with| between| off| early| here| now,? (?:lol|haha))`,
    with: [r`\b(?:knife|pills|tablets|rope|bridge|gun|blade|razor|sorry|goodbye|can not (?:take|do) (?:this|it)|so tired|the pain|hopeless|locked (?:himself|herself|myself|themselves)|no point|tonight|for good|forever|permanently|once and for all|no one cares|burden|worthless|can not go on|on (?:my|his|her) own terms|this weekend|tomorrow|(?:on |this |next )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|before (?:my|the) (?:birthday|anniversary|christmas))\b`],
    unless: r`\b(?:relationship|marriage|friendship|engagement|dating|affair|contract|lease|subscription|season|series|episode|chapter|meeting|call|conversation|game|match|project|debate|argument|fight|feud|strike|war|assisted dying|dignitas|euthanasia|voluntary assisted|boyfriend|girlfriend|bf|gf|fianc\w*|break(?:ing)? up|broke up|split(?:ting)? up|with (?:him|her|them))\b`,
    imminentIf: r`\b(?:tonight|right now|today|now)\b`,
  },
  {
    id: "en.s.means_at_hand",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:tied|made|have|bought|hung|put up) (?:a |the )?noose\b`,
      r`\b(?:pills|tablets)\b[^.!?]{0,20}\blined up\b`,
      r`\b(?:sat|sitting|sit|locked myself|lay|lying) in (?:the|my) (?:garage|car)\b[^.!?]{0,30}\b(?:engine|car|motor) (?:is )?running\b`,
      r`\bhose (?:from|to|into) the exhaust\b`,
    ],
    imminentIf: r`\b(?:now|right now|tonight|just|am sitting|in front of me)\b`,
  },
  // Means in hand together with a present or final cue ("got the pills in my hand right now").
  {
    id: "en.s.means_in_hand",
    category: "suicide",
    level: "imminent",
    pattern: r`\b(?:pills|tablets|rope|noose|blade|razor|knife|gun|bottle of \w+) (?:are |is )?(?:in my hand|in my hands|in front of me|next to me|beside me|on my lap|lined up|counted out|all out)\b`,
    with: [r`\b(?:right now|ready|counting|all of them|goodbye|sorry|no one|nobody|can not|tonight|do it|end it|the lot|whole (?:bottle|box|packet)|enough)\b`],
    unless: r`\b(?:should i|can i|with food|as prescribed|morning|dosette|pill organi[sz]er|which one|cook\w*|chop\w*|slic\w*|peel\w*|dic(?:e|ing)|recipe|kitchen|onions?|vegetables?|meat|bread)\b`,
  },
  // A stated decision with a time to act ("I've decided. Tomorrow I'm going to do it.").
  {
    id: "en.s.final_decision",
    category: "suicide",
    level: "imminent",
    pattern: r`\b(?:i have (?:decided|made up my mind|made my decision)|i am (?:ready|decided)|my mind is made up|i have made peace with it|no going back now)\b`,
    with: [r`\b(?:(?:tonight|tomorrow|today|this weekend|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b[^.!?]{0,15}\b(?:i am going to|i will|going to|is the (?:night|day)) ?(?:do it|end it|go through with it|be the (?:night|day))?|(?:going to|will) (?:do it|end it|go through with it) (?:tonight|tomorrow|today|this weekend|now))\b`],
    unless: r`\b(?:job|quit|resign\w*|propos\w*|ask (?:her|him) out|tell (?:him|her|them|my)|confess|marathon|exam|test|diet|surgery|operation|procedure|jab|vaccin\w*|tattoo|haircut|apply|move|moving|leave (?:him|her)|divorce|break up|dump|book|buy|sell|start|skydiv\w*|bungee)\b`,
  },
  // Interrupted or aborted attempt ("I had the pills in my hand but my flatmate came home").
  {
    id: "en.s.interrupted_attempt",
    category: "suicide",
    level: "high",
    pattern: [
      r`\b(?:pills|tablets|rope|noose|belt|blade|razor|knife|gun|bottle of \w+)\b[^.!?]{0,25}\b(?:in my hands?|in (?:his|her) hands?|in front of me|lined up|counted out|ready|round my neck|around my neck|(?:to|against|on) my (?:wrist|throat|neck|head))\b`,
      r`\b(?:was|were|i was|i am|he was|she was) (?:about to|going to|ready to|so close to|this close to) (?:take (?:them|the pills|it)|swallow|jump|hang|cut|do it|end it|go through with it|step off)\b`,
    ],
    with: [r`\b(?:but|then|when|until|before) (?:my |the |a |his |her )?(?:[\w-]+ ){0,2}(?:came (?:home|in|back|round)|walked in|knocked|rang|called|texted|stopped (?:me|him|her)|interrupted|found (?:me|him|her)|saw (?:me|him|her)|talked me (?:down|out of it))|\b(?:chickened out|lost my nerve|could not go through with it|could not do it|stopped myself|put (?:them|it) (?:back|away)|(?:and|so|then) i (?:stopped|froze|panicked|put (?:it|them) down|took it off))\b`],
    unless: r`\b(?:should i|can i|as prescribed|with food|cook\w*|chop\w*|slic\w*|peel\w*|recipe|kitchen|onions?|vegetables?|meat|bread|dosette)\b`,
  },
  // A despair statement together with a final one ("I just can't anymore. I want out.").
  {
    id: "en.s.despair_final",
    category: "suicide",
    level: "high",
    pattern: r`\b(?:no point (?:any ?more|in anything|to anything|in (?:going on|trying|living|carrying on))|nothing matters any ?more|i (?:just |really |honestly )?can not (?:do (?:this|it) )?any ?more|can not take (?:it|this|any of this) any ?more|i give up|i am (?:so )?done with (?:everything|it all|life|all of (?:it|this))|(?:so )?tired of everything|completely hopeless|i am hopeless)\b`,
    with: [r`\b(?:ready to (?:go|die)|want (?:out|to go)|want it (?:all )?to (?:stop|end|be over)|goodbye|time to go|it is time|this is it|for good|forever|permanently|no one will miss|better off (?:without|dead)|end it|be over|not be here|disappear|not wake up|sleep forever|die)\b`],
    unless: r`\b(?:job|work|boss|shift|relationship|marriage|uni|university|course|school|exams?|assignment|homework|essay|project|deadline|semester|thesis|dissertation|meeting|flight|queue|team|league|diet|gym|game|lol|haha|this show|season|surgery|recovery|labou?r|pregnancy|advance (?:directive|care|decision)|hospice|palliative|when the time comes)\b`,
  },
  {
    id: "en.s.hopeless_future",
    category: "suicide",
    level: "concern",
    pattern: r`\b(?:can not|do not) see (?:a|any) (?:future|way forward) (?:for (?:myself|me)|any ?more|ahead)\b`,
  },
  // Cues that mean little alone but complete a build-up after earlier suicidal talk.
  {
    id: "en.s.cue_after_risk",
    category: "suicide",
    level: "imminent",
    needsRecent: true,
    pattern: r`\b(?:tonight is the night|today is the day|it is time|time to go|i have made (?:up my mind|my decision)|i have decided|i am ready|i am doing it|i will do it|going to do it|doing it (?:tonight|today|now)|do it tonight|this is (?:it|goodbye)|goodbye|i have (?:everything|it all|them all|the pills|the rope) (?:ready|here|with me|in front of me|lined up)|have (?:the|my) (?:pills|rope|gun|knife|tablets) (?:ready|here|with me|in front of me|lined up)|no one can stop me|nobody will (?:find|stop) me|thank you for everything|tell (?:my|them|everyone) (?:\w+ )?i love them|it will all be over|(?:actually|really|finally) going to (?:do it|go through with it)|go through with it|(?:picked|chosen|set) (?:a|the) (?:date|day|time|place)|(?:worked out|figured out|decided|planned|know|chosen|picked) (?:exactly )?(?:how|when|where) (?:i will|i would|i am going to|to) (?:do it|end it|go through with it)|wrote (?:letters|notes) to (?:everyone|my family|my kids|them all)|bought (?:a |some )?(?:rope|charcoal|razor blades|a gun)|gave away (?:my|all my) (?:things|stuff|belongings|possessions|pets?|cat|dog)|(?:pills|tablets|rope|knife|blade) (?:are |is )?(?:in front of me|next to me|ready)|won't matter after tonight|will not matter after tonight|not be here tomorrow)\b`,
  },
];

const medical: CrisisRule[] = [
  { id: "en.m.chest_breathless", category: "medical", level: "imminent", pattern: CHEST, with: [BREATHLESS], unless: CHEST_NOT_ACUTE },
  { id: "en.m.chest_sweat", category: "medical", level: "imminent", pattern: CHEST, with: [SWEAT], unless: CHEST_NOT_ACUTE },
  { id: "en.m.chest_radiating", category: "medical", level: "imminent", pattern: CHEST, with: [RADIATE], unless: CHEST_NOT_ACUTE },
  { id: "en.m.chest_faint", category: "medical", level: "imminent", pattern: CHEST, with: [FAINT], unless: CHEST_NOT_ACUTE },
  {
    id: "en.m.heart_attack",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:having|is having|am having|might be having|could be having|think (?:[\w']+ ){0,3}(?:is |am |are )?having|could this be|is this|feels like|it is) a heart attack\b`,
  },
  {
    id: "en.m.not_breathing",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:is|am|are|he is|she is|not) not breathing\b(?! (?:properly )?(?:through|out of) (?:his|her|my|the) nose)`,
      r`\bstopped breathing\b`,
      r`\bno (?:pulse|heartbeat)\b`,
      r`\b(?:heart|breathing) (?:has |have )?stopped\b`,
      r`\b(?:in|into|having|had|is in|went into|gone into|going into) cardiac arrest\b`,
      r`\b(?:doing|giving|started|start|need(?:s)?) (?:him |her )?cpr\b`,
      r`\bturning blue\b`,
      r`\b(?:lips|face|skin|he|she) (?:is |are |went |has gone |have gone |gone |turning |going |looks? )+(?:blue|grey|gray|dusky|purple|ashen)\b`,
      r`\b(?:dusky|purple|bluish|blue-?ish) (?:lips|face|skin)\b`,
    ],
    unless: r`\b(?:sleep|asleep|snor\w*|apnoea|apnea|few seconds|at night|while sleeping|in (?:his|her|my) sleep|cold (?:hands|fingers|weather)|raynaud|breath[- ]holding)\b`,
  },
  {
    id: "en.m.choking",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:is|he is|she is|baby is|am|started|keeps) choking\b(?! on (?:my|his|her) (?:words|tears|saliva|spit))`,
      r`\b(?:something|food|a [\w-]+|piece of [\w-]+) (?:is |got |has got |has )?(?:stuck|lodged) in (?:his|her|my|their|the) (?:throat|windpipe|airway)\b`,
    ],
  },
  {
    id: "en.m.breathing_severe",
    category: "medical",
    level: "high",
    pattern: [
      r`\b(?:can not|could not|unable to|can barely|struggling to|fighting to|gasping to|fighting for) (?:breathe|breath|catch (?:my|his|her) breath|get (?:any )?air)\b(?! (?:through|out of|properly through) (?:my|his|her|the) nose)`,
      r`\b(?:gasping for (?:air|breath)|breathing (?:very )?(?:fast|rapidly|slowly|shallow(?:ly)?) and (?:\w+ ){0,3}(?:blue|grey|confused|drowsy|can not|will not|not))\b`,
      r`\b(?:inhaler|reliever|ventolin|salbutamol|albuterol|puffer) (?:is not|not|does not|did not|is no longer) (?:working|helping)\b`,
      r`\basthma attack\b`,
    ],
    unless: r`\b(?:nose|blocked|stuffy|congest\w*|cold|flu|when i (?:run|exercise|climb|lie|walk)|after (?:running|exercise|climbing|stairs|a run|the gym)|(?:last|yesterday|years|months|weeks) ago|yesterday|last (?:night|week|month)|mask|laughing|sobbing|so excited)\b`,
    imminentIf: r`\b(?:blue|grey|gray|can not (?:talk|speak)|collaps\w*|drowsy|confused|not working)\b`,
  },
  { id: "en.m.stroke_face_speech", category: "medical", level: "imminent", pattern: FACE, with: [SPEECH] },
  { id: "en.m.stroke_face_weak", category: "medical", level: "imminent", pattern: FACE, with: [WEAKNESS] },
  { id: "en.m.stroke_speech_weak", category: "medical", level: "imminent", pattern: SPEECH, with: [WEAKNESS] },
  {
    id: "en.m.stroke_sudden",
    category: "medical",
    level: "imminent",
    pattern: `${FACE}|${WEAKNESS}|${SPEECH}|${LIMB_WEAKNESS}|${VISION_LOSS}`,
    with: [STROKE_ONSET],
    unless: CHRONIC,
  },
  {
    id: "en.m.stroke_sign",
    category: "medical",
    level: "high",
    pattern: `${FACE}|${WEAKNESS}`,
    unless: `${CHRONIC}|${HISTORY}`,
  },
  {
    id: "en.m.stroke_named",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:having|is having|am having|might be having|could be having|think (?:[\w']+ ){0,3}(?:is |am |are )?having|could this be|is this|looks like|signs of) (?:a )?(?:stroke|mini[- ]stroke|tia)\b`,
    with: [r`\b(?:i|my|me|he|she|his|her|we|our)\b`],
  },
  {
    id: "en.m.anaphylaxis",
    category: "medical",
    level: "imminent",
    pattern: ALLERGEN,
    with: [AIRWAY],
    unless: r`\b(?:hay ?fever|pollen|last (?:year|time|month)|years ago|(?:what|how) should (?:i|we) do if|in case|plan\b|action plan|when (?:i|he|she|they) (?:eat|eats|have|has|drink|drinks|touch|touches)|every time|should (?:i|we) see|allergist|get tested|allergy test)\b`,
  },
  {
    id: "en.m.anaphylaxis_named",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:having|is having|going into|gone into|went into|in|think (?:[\w']+ ){0,3}(?:is |am )?having) (?:an )?(?:anaphyla\w*|severe allergic reaction)`,
      r`\banaphylactic (?:shock|reaction)\b(?! (?:last|years|once|before|in the past))`,
      r`\bthroat\b[^.!?]{0,20}\b(?:closing|swelling shut|closing up|closing over)\b`,
      r`\b(?:used|gave|give|giving|injected|had to use) (?:him |her |me |them )?(?:the |his |her |my |an |their )?(?:epi-?pen|adrenaline (?:pen|auto-?injector|shot)|epinephrine)\b`,
    ],
  },
  {
    id: "en.m.airway_swelling",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:tongue|throat)(?: and (?:my |his |her )?(?:lips?|face|tongue|throat))? (?:is |are |has |have |started |starting |begun |suddenly |really |all |getting |keeps )*(?:to )?(?:swell\w*|swollen|puff\w* up|blow\w* up)\b`,
      r`\btongue (?:feels |is |looks |has gone |went )(?:really |so |very )?(?:huge|massive|enormous|thick|fat|too big)\b`,
      r`\b(?:lips?|face) and (?:my |his |her )?(?:tongue|throat) (?:is |are |have |has |started |starting |suddenly |really |all |getting )*(?:to )?(?:swell\w*|swollen)\b`,
    ],
    unless: r`\b(?:tonsil\w*|glands?|sore throat|strep|cold|flu|laryngitis|mumps)\b`,
  },
  {
    id: "en.m.hypertensive",
    category: "medical",
    level: "high",
    pattern: r`\b(?:blood pressure|bp)\b[^.!?]{0,15}\b(?:2\d\d|1[89]\d) ?(?:\/|over)`,
    with: [r`\b(?:headache|chest pain|blurr\w*|vision|vomit\w*|confus\w*|slurr\w*|seizure|nose ?bleed)\b`],
  },
  {
    id: "en.m.tachycardia",
    category: "medical",
    level: "high",
    pattern: r`\b(?:heart rate|pulse|heart is (?:beating|going|racing) at)\b[^.!?]{0,15}\b(?:1[5-9]\d|2\d\d)\b`,
    with: [`${FAINT}|${BREATHLESS}|${CHEST}|\\bdizzy\\b`],
  },
  { id: "en.m.chest_vomiting", category: "medical", level: "high", pattern: CHEST, with: [r`\b(?:vomit\w*|throw\w* up|threw up|being sick|nause\w*|sick to (?:my|his|her) stomach)\b`], unless: CHEST_NOT_ACUTE },
  { id: "en.m.faint_breathless", category: "medical", level: "imminent", pattern: FAINT, with: [BREATHLESS] },
  {
    id: "en.m.head_injury",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:hit|banged|bumped|knocked|hurt|injured|smashed|struck|cracked) (?:[\w']+ ){0,2}head\b`,
      r`\bhead (?:injury|trauma|wound)\b`,
      r`\bhit (?:his|her|my|their) head\b`,
      r`\bfell (?:[\w']+ ){0,3}(?:on|onto) (?:his|her|my|their) head\b`,
    ],
    with: [r`\b(?:vomit\w*|threw up|throwing up|been sick|unconscious|knocked out|confused|drowsy|sleepy|seizure|fit|not making sense|blood (?:coming )?(?:from|out of) (?:his|her|my) (?:ear|nose)|clear fluid|will not wake|can not wake|pupils|slurr\w*|not moving|passed out)\b`],
    unless: r`\b(?:playing normally|seems fine|is fine now|what should i watch for|what to watch for|should i watch for|signs to watch)\b`,
  },
  {
    id: "en.m.child_breathing",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:ribs|chest|tummy|skin (?:between|under) (?:the|her|his) ribs|neck) (?:is |are )?(?:sucking|pulling|caving|sinking) in\b`,
      r`\bgrunting (?:with|when|as|on) (?:each|every|her|his)? ?breath\w*`,
      r`\bnostrils (?:are )?flaring\b`,
      r`\bhead bobbing\b`,
      r`\b(?:whistling|high-?pitched|harsh|crowing|squeaky|squeaking|rasping|noisy) (?:noise|sound|breathing)\w*\b[^.!?]{0,25}\b(?:breath(?:es|ing)? in|inhal\w*|every breath|each breath)\b|\bstridor\b`,
    ],
  },
  {
    id: "en.m.found_down",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:is not|not|has not|stopped|won't|will not) (?:been )?(?:moving|responding|getting up)\b`,
    with: [r`\b(?:fell|fallen|collapsed|dropped|found|floor|ground|lying|slumped)\b`],
  },
  {
    id: "en.m.blue_limp",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:went|gone|going|turned|turning|is|are|looks?|looking) (?:completely |very |a bit |all |quite )?blue\b`,
      r`\b(?:is|are|went|gone|goes|feels|seems|looks|and) (?:all |very |really |so |completely )?(?:floppy|limp|lifeless)\b`,
    ],
    unless: r`\b(?:hands|fingers|feet|toes|raynaud|cold (?:weather|water)|bruis\w*|the veins|blue light|feeling blue|screen|bath toy|arm is limp from|wrist)\b`,
  },
  {
    id: "en.m.not_waking",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:is not|not|will not|would not|has not been|still is not|still not) (?:properly )?(?:waking|wake|woken|coming round|coming to|come round)(?: up)?\b`,
    unless: r`\b(?:in the morning|for school|for work|early|on time|at night|during the night|alarm|mornings|every day|lie in|weekend)\b`,
  },
  {
    id: "en.m.seizure_after",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:had|has had|just had) (?:a |his |her |another )?(?:first |second )?(?:seizure|fit|convulsion)\b`,
    with: [r`\b(?:not waking|will not wake|drowsy|confused|blue|not breathing|another|again|lasted|first time|still|floppy|limp|unresponsive)\b`],
    unless: r`\b(?:last (?:year|month|week)|years ago|months ago|as a (?:child|kid)|can (?:i|he|she) (?:drive|swim)|medication for)\b`,
  },
  {
    id: "en.m.diabetic_emergency",
    category: "medical",
    level: "high",
    pattern: r`\b(?:diabet\w*|type 1|type one|blood sugar|ketones?|insulin)\b`,
    with: [r`\b(?:very drowsy|drowsy|confus\w*|breathing (?:very )?(?:fast|deep|heavy|heavily|rapidly)|fruity|pear drops|ketones (?:are )?(?:high|very high|\d)|unconscious|can not wake|will not wake|not making (?:any )?sense|acting (?:drunk|strange|weird|odd|aggressive)|slurr\w*|fitting|seizure|(?:sweat\w*|clammy)[^.!?]{0,20}\b(?:shak\w*|trembl\w*)|(?:shak\w*|trembl\w*)[^.!?]{0,20}\b(?:sweat\w*|clammy))\b`],
    imminentIf: r`\b(?:unconscious|can not wake|will not wake|unresponsive)\b`,
  },
  {
    id: "en.m.bleeding_severe",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\bbleed\w* (?:a lot|heavily|badly|profusely|everywhere|out(?<!\bto bleed out)|like crazy|so much|really badly|non-?stop|through (?:the |a |my )?(?:towel|bandage|cloth|dressing|clothes))\b`,
      r`\b(?:will not|can not|could not) stop (?:the )?bleed\w*`,
      r`\bbleeding (?:will not|does not|is not going to) stop\b`,
      r`\bblood (?:is |keeps )?(?:everywhere|pouring|spurting|gushing|pumping|squirting)\b`,
      r`\b(?:lost|losing) (?:a lot of|so much|lots of) blood\b`,
      r`\b(?:pool|puddle) of blood\b`,
      r`\bsoaked (?:through )?(?:in|with) blood\b`,
      r`\b(?:deep|gaping|huge|large) (?:cut|wound|gash|laceration)\b`,
    ],
    unless: r`\b(?:period|menstrua\w*|cycle|(?:last|years|months) (?:year|ago)|gums? bleed|brushing|has stopped|stopped now|often|sometimes|usually|every (?:day|week|month|morning|night|winter)|in (?:winter|summer)|when i blow)\b`,
  },
  {
    id: "en.m.vomit_blood",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:vomit\w*|throw\w* up|threw up|coughing up|coughed up|spitting up|spat up|bringing up|puking|puked|sick(?:ing)? up) (?:up )?(?:\w+ ){0,3}?blood\b`,
      r`\b(?:black|tarry|maroon) (?:\w+ )?(?:stools?|poo|poop)\b[^.!?]{0,30}\b(?:dizzy|faint|weak|lots|a lot)\b`,
    ],
    unless: r`\b(?:a (?:little|bit)|little bit|streaks?|specks?|tinge\w*|spots? of|trace|from my nose|nosebleed|(?:last|years|months) ago)\b`,
  },
  {
    id: "en.m.trauma",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:hit|knocked (?:down|over|off)|run over|struck) by (?:a |the )?(?:car|bus|truck|lorry|van|motorbike|motorcycle|vehicle|train|taxi)\b`,
      r`\b(?:car|motorbike|motorcycle|bike|road|traffic) (?:crash|accident|collision)\b`,
      r`\bfell (?:from|off|down) (?:a |the )?(?:roof|ladder|balcony|height|building|window|cliff|scaffold\w*|\w+ (?:floor|storey|story)|stairs and (?:is not|can not|will not))\b`,
      r`\bbone (?:is )?(?:sticking|poking) (?:out|through)\b`,
      r`\bbent (?:the wrong way|backwards|at (?:a|an) (?:weird|strange|funny|odd|awkward|unnatural) angle)\b`,
      r`\b(?:been|got|was) (?:shot|stabbed)\b`,
      r`\b(?:stab|gunshot) wound\b`,
      r`\b(?:badly|severely) (?:burn(?:ed|t)|scald(?:ed)?)\b`,
      r`\belectrocuted\b`,
      r`\b(?:got|had|received) an electric shock\b`,
      r`\b(?:nearly|almost) drowned\b`,
      r`\b(?:bitten|bit) by a (?:snake|viper|adder)\b`,
      r`\bsnake ?bite\b`,
      r`\b(?:pulled (?:him|her|them|my [\w-]+)|(?:was|were|got|been|just been) pulled) (?:out )?(?:of|from) (?:the )?(?:water|pool|river|sea|bath|lake|pond)\b`,
      r`\b(?:fell|fallen|went under) (?:in|into) (?:the )?(?:pool|river|lake|pond|sea)\b[^.!?]{0,40}\b(?:not breathing|unconscious|blue|drowsy|coughing|limp|floppy)\b`,
      r`\bhead injury\b[^.!?]{0,40}\b(?:vomit\w*|unconscious|confused|drowsy|seizure|fit|not making sense|knocked out)\b`,
    ],
    unless: r`\b(?:last (?:year|month|week|summer|winter)|years? ago|months? ago|weeks? ago|in (?:19|20)\d\d|when i was|as a (?:kid|child)|old injury|healed|since the (?:accident|crash))\b`,
  },
  // Burns/scalds: a cause plus a sign of depth or extent (not a small kitchen burn or sunburn).
  {
    id: "en.m.burn_severe",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:scald(?:ed|ing)?|burn(?:ed|t)|boiling (?:water|oil|soup|milk)|hot (?:oil|water|tea|coffee|fat|soup)|kettle|chip pan|flames?|caught fire|on fire|(?:house|kitchen|car) fire|acid (?:attack|thrown|splash\w*)|(?:chemical|electrical) burns?)\b`,
    with: [r`\b(?:skin (?:is |was |has |keeps )?(?:peeling|coming|came|falling|sloughing|hanging)(?: off)?|skin (?:is |looks |has gone )?(?:white|black|charred|leathery|waxy)|(?:huge|big|large|massive) (?:blisters?|burns?)|blisters? (?:all over|everywhere|covering)|(?:all over|covering) (?:his|her|my|the) (?:chest|face|body|back|arms?|legs?|tummy|stomach)|whole (?:arm|leg|chest|back|face|hand|side)|large area|(?:face|eyes|airway|mouth) (?:is |are )?(?:burn\w*|swell\w*)|inhaled (?:smoke|fumes)|smoke inhalation)\b`],
    unless: r`\b(?:sun ?burn\w*|sun\b|tan\b|last (?:week|month|year)|years ago|healed|healing|scar\w*|razor burn|carpet burn|rug burn|heartburn|reflux|indigestion|burning (?:up|sensation|feeling|pain)|fever|rash|eczema|shingles)\b`,
  },
  // A fall followed by neurological signs is a head injury even when the head is not named.
  {
    id: "en.m.fall_neuro",
    category: "medical",
    level: "high",
    pattern: r`\b(?:fell|fallen|falling|fall|tumbled|came off|slipped) (?:down|off|from|out of) (?:the |a |his |her |my )?(?:stairs|steps|bed|sofa|couch|changing table|high chair|highchair|bike|bicycle|scooter|ladder|horse|climbing frame|trampoline|bunk bed|wall|swing|skateboard|chair|table|counter|shopping trolley|cot)\b`,
    with: [r`\b(?:vomit\w*|threw up|throwing up|been sick|(?:very |really |so |unusually )?drowsy|confused|not making sense|unconscious|knocked out|seizure|fitting|(?:very |really |so )sleepy|floppy|pupils|will not wake|can not wake|not (?:responding|moving)|blood (?:from|out of) (?:his|her|my) (?:ear|nose))\b`],
    unless: r`\b(?:fine since|playing normally|seems fine|is fine now|acting normal|what should i (?:watch|look) for|signs to watch|watch (?:out )?for|look out for|should i (?:worry|be worried)|worry about|what if|in case|last (?:week|month|year)|years ago)\b`,
  },
  // Recreational drugs with a dangerous sign (hyperthermia, seizure, collapse, chest pain).
  {
    id: "en.m.poison_recreational",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:ecstasy|mdma|molly|cocaine|coke|crack|ketamine|speed|amphetamines?|meth|crystal|ghb|spice|mamba|lsd|acid|mushrooms|shrooms|pills at (?:a|the) (?:party|festival|club)|(?:took|taken|had|done|did|snorted|smoked) (?:something|some stuff|a pill|pills|drugs|too much)|drugs?|(?:bad )?trip(?:ping)?|high on \w+)\b`,
    with: [r`\b(?:overheat\w*|burning up|(?:very|really|so) hot|confus\w*|fitting|seizure|convuls\w*|unresponsive|unconscious|collapsed|not waking|will not wake|can not wake|chest pain|can not breathe|not breathing|heart (?:is )?(?:racing|pounding)|foaming|turning blue|blue lips)\b`],
    unless: r`\b(?:what (?:are|is) the (?:signs|effects|risks)|how (?:do|can|should) (?:i|we|you) (?:help|spot|tell)|in case|harm reduction|years ago|last (?:year|month)|when i was|in recovery|drug test|drugs? (?:for|to treat|prescribed)|medication|side effects?|chemo\w*|the drugs\?)\b`,
  },
  // A lot of alcohol with reduced consciousness or breathing (alcohol poisoning).
  {
    id: "en.m.poison_alcohol",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:drank|downed|drunk|necked|had|finished) (?:\w+ ){0,3}?(?:bottles?|litres?|liters?|fifth|shots|pints) of (?:vodka|whisky|whiskey|gin|rum|tequila|spirits|wine|alcohol|booze)|\b(?:(?:very|really|so|extremely) drunk|blackout drunk|alcohol poisoning)\b`,
    with: [r`\b(?:unresponsive|unconscious|will not (?:wake|respond)|can not (?:wake|rouse)|not (?:waking|responding)|breathing (?:is )?(?:slow|shallow|weird|irregular|strange|funny)|slow breathing|turning blue|blue lips|choking on (?:his|her|their) (?:own )?(?:vomit|sick)|passed out and (?:vomit\w*|being sick)|cold and clammy|fitting|seizure)\b`],
  },
  {
    id: "en.m.unresponsive",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:can not|could not|unable to|can't) (?:wake|rouse|get a response from|get (?:him|her|them) to respond)(?: up)? (?:him|her|them|my [\w-]+|the (?:baby|child))\b`,
      r`\b(?:can not|could not) wake (?:him|her|them) up\b`,
      r`\b(?:he|she|they|baby|my [\w-]+) (?:will not|would not|does not|is not|not) (?:wake|waking|wakes) up\b(?! (?:in the|at|for|early|on time|before|until|when))`,
      r`\b(?:he|she|they|baby|my [\w-]+|and|now) (?:will not|would not|does not|is not|not|can not|is no longer) (?:respond|responding|react|reacting)\b(?! (?:to (?:my |his |her |the |any )?(?:texts?|messages?|calls?|emails?|treatment|antibiotics|medications?|meds|therapy|the (?:drugs|medicine))|well))`,
      r`\b(?:is |was |has been |went |gone |lying |found (?:\w+ )?)(?:unconscious|unresponsive|not responding|not responsive|lifeless)\b`,
      r`\bpassed out (?:and|,)? ?(?:is not|will not|can not|not|is still|still)\b`,
      r`\b(?:he|she|they|dad|mum|mom|my [\w-]+) (?:just |suddenly |has just |has )?collapsed\b(?! (?:last|years|on the sofa|into bed|in bed|on (?:the|my) bed))`,
      r`\bfound (?:him|her|them|my [\w-]+(?: [\w-]+)?) (?:passed out|unconscious|collapsed|on the floor|not breathing|unresponsive|lifeless)\b`,
      r`\b(?:baby|infant|newborn|toddler|child|son|daughter|she|he) (?:is |seems |went |has gone |feels |looks |)(?:very |really |all |so )?(?:floppy|limp|lifeless)\b`,
      r`\bknocked (?:out|unconscious)\b`,
    ],
  },
  {
    id: "en.m.hard_to_wake",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:hard|difficult|impossible|very hard) to (?:wake|rouse)(?: up)?\b`,
      r`\b(?:very |extremely )?drowsy and (?:confused|floppy|not responding|hard to wake)\b`,
    ],
    unless: r`\b(?:in the morning|for school|alarm|mornings|for work|every day|teen\w*)\b`,
  },
  {
    id: "en.m.seizure",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:having|is having|has been having|am having|in the middle of|just had|is in) (?:a |another |his first |her first |my first |a first )?(?:seizure|fit|convulsion|epileptic fit)s?\b`,
      r`\b(?:he|she|they|baby|child|son|daughter|dad|mum|mom|is|started|keeps) (?:is |started |keeps )?(?:now |still )?(?:seizing|convulsing|fitting)\b(?! (?:in|into|well|together|the|a|room|for|properly|nicely|perfectly))`,
      r`\b(?:seizure|fit|convulsion) (?:is |has been |that has been )?(?:lasting|lasted|going on|still going|not stopping|will not stop|for (?:over |more than )?(?:\d+|five|ten|several))\b`,
      r`\bshaking (?:all over|uncontrollably|violently) and (?:not|will not|can not|unresponsive|eyes)\b`,
      r`\beyes (?:rolled|rolling) (?:back|up)\b`,
      r`\bfebrile (?:seizure|convulsion)\b(?! (?:last|before|years|when))`,
      r`\bfoaming at the mouth\b`,
    ],
    unless: r`\b(?:last (?:year|month|week)|years ago|months ago|as a (?:child|kid)|history of|can (?:i|he|she) (?:drive|swim)|medication for)\b`,
  },
  {
    id: "en.m.poison_child",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:swallowed|ate|eaten|drank|drunk|got into|has taken|took|licked|chewed|bit into|ingested|put (?:a |some )?[\w-]+ in (?:his|her) mouth)\b[^.!?]{0,40}?\b(?:${MEDS}|${POISONS}|vitamins|gummies|berries)\b`,
      r`\b(?:empty|opened|open|chewed|half-empty) (?:[\w'-]+ )?(?:bottle|packet|box|blister pack|pack|jar|tub|container|strip)s? of (?:[\w'-]+ ){0,2}(?:${MEDS}|${POISONS}|vitamins)\b`,
    ],
    with: [CHILD],
    unless: r`\b(?:how (?:do|can|should) i (?:store|keep|prevent)|childproof|child-?proof|so (?:he|she|they) can not|to prevent|in case|safe (?:dose|amount|maximum)|dose for|how much (?:\w+ )?(?:can|should) (?:i|he|she) (?:give|take))\b`,
  },
  {
    id: "en.m.poison_accident",
    category: "medical",
    level: "high",
    pattern: r`\b(?:took|taken|swallowed|been taking|has been taking|gave (?:him|her|them|my [\w-]+)|given|drank|ate)\b[^.!?]{0,50}?\b(?:every day|daily|twice|double|extra|too (?:much|many)|\d+ times|the wrong|someone else'?s|instead of)\b`,
    with: [
      ACCIDENT,
      r`\b(?:fever|vomit\w*|bleed\w*|ulcers?|confus\w*|drowsy|unconscious|breath\w*|seizure|rash|collaps\w*|dizzy|faint\w*|not making sense|can not wake|sores?|bruis\w*|heart (?:racing|pounding)|palpitations|very sleepy|slurr\w*)\b`,
    ],
    imminentIf: r`\b(?:bleed\w*|confus\w*|drowsy|unconscious|breath\w*|seizure|collaps\w*|faint\w*|can not wake|not making sense)\b`,
  },
  {
    id: "en.m.poison_ingested",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:swallowed|drank|drunk|ate|ingested|took|taken|downed)\b[^.!?]{0,30}?\b(?:${POISONS})\b`,
      r`\b(?:took|taken|swallowed|downed|drank|ate)\s+${BULK_MEDS}`,
      r`\b(?:i|he|she|they|who|someone|somebody|friend|son|daughter|brother|sister|mum|mom|dad|husband|wife|partner|boyfriend|girlfriend|is|am|are|has|have|had|just) (?:just |has |have |had )?(?:overdosed|overdosing)\b`,
      r`\btook an overdose\b`,
      r`\b(?:heroin|opioid|fentanyl|drug|methadone|accidental) overdose\b(?! (?:prevention|kit|training|awareness))`,
      r`\bcarbon monoxide\b[^.!?]{0,50}\b(?:headache|dizzy|vomit\w*|drowsy|confus\w*|faint\w*|unconscious|alarm|sick)\b`,
      r`\bpoisoned\b`,
    ],
    unless: r`\b(?:in recovery|how to prevent|prevent(?:ion)?|in case|what are the signs|signs of|keep (?:some|naloxone|narcan)|carry (?:naloxone|narcan)|food poison\w*|(?:last|years|months) (?:year|ago)|when i was|dog|cat|puppy|kitten|pet|horse)\b`,
  },
  {
    id: "en.m.infant_fever",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:newborn|neonate|(?:\d|1\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]?(?:days?|weeks?|wks?)[- ]?old|(?:baby|infant|newborn|son|daughter|little one|(?:he|she) is)(?: is| was)? (?:only |just |barely )?(?:\d|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?(?:days?|weeks?|wks?)\b(?! (?:ago|later|after|since|before|pregnant))|(?:[12]|one|two)[- ]?(?:months?|mo)[- ]?old|(?:under|less than) (?:3|three) months)\b`,
    with: [`${FEVER}|\\b(?:hot to (?:the )?touch|feels? (?:very |really |so |quite |burning )?hot|(?:is |feels )?burning up)\\b`],
    unless: r`\b(?:bath|room|formula|bottle|milk|thermometer to use|normal temperature|how (?:warm|hot) should)\b`,
  },
  {
    id: "en.m.child_red_flags",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:non[- ]?blanching|purple (?:spots|rash))\b`,
      r`\brash (?:that )?(?:does not|will not|would not|is not) (?:fade|disappear|go away) (?:when|under|with)\b`,
      r`\bbulging (?:soft spot|fontanelle)\b`,
      r`\bhigh[- ]pitched (?:cry|crying|scream\w*)\b`,
      r`\bno wet (?:nappies|diapers) (?:for|in) \d+\b`,
    ],
  },
  {
    id: "en.m.child_dehydration",
    category: "medical",
    level: "high",
    pattern: r`\b(?:(?:has not|not|no|did not|has not had a|not had a|has not done a) (?:had a |done a |passed )?(?:wee|wees|pee|urine|wet (?:nappy|nappies|diaper|diapers)|weed|peed|urinated)\b[^.!?]{0,15}\b(?:for|in|since) (?:\d+|over|more than|two|three|four|five|six|eight|ten|twelve|a day|all day|this morning|yesterday)|sunken (?:eyes|soft spot|fontanelle)|no tears (?:when|while) (?:crying|she cries|he cries)|(?:very|really|so|extremely|unusually) (?:sleepy|drowsy|lethargic|floppy)|lethargic|floppy)\b`,
    with: [CHILD, r`\b(?:vomit\w*|throw\w* up|threw up|being sick|sick (?:all|everything)|diarrh\w*|runny poo|can not keep (?:anything|fluids|water|milk) down)\b`],
  },
  // A feverish child who is hard to rouse or floppy is a NICE "red" feature at any age.
  {
    id: "en.m.child_fever_lethargy",
    category: "medical",
    level: "high",
    pattern: r`\b(?:(?:very|really|so|extremely|unusually|abnormally) (?:sleepy|drowsy|lethargic)|lethargic|floppy|limp|listless|hard to (?:wake|rouse)|will not (?:wake|stay awake)|not (?:responding|reacting)|unresponsive|mottled|grunting)\b`,
    with: [CHILD, FEVER],
    unless: r`\b(?:playing|fine now|normally|feeding well|drinking well|back to (?:himself|herself|normal)|after (?:calpol|paracetamol|ibuprofen|nurofen) (?:he|she) (?:is|was) fine)\b`,
  },
  {
    id: "en.m.meningitis_signs",
    category: "medical",
    level: "high",
    pattern: r`\bstiff neck\b|\bneck (?:is )?(?:very )?stiff\b|\bcan not (?:bend|touch|put) (?:his |her |my )?(?:chin|head) (?:to|on|down)`,
    with: [`${FEVER}|\\b(?:rash|light hurts|hurts? (?:his|her|my) eyes|photophobia|vomit\\w*|confus\\w*|drowsy)\\b`],
  },
  {
    id: "en.m.pregnancy",
    category: "medical",
    level: "imminent",
    pattern: PREGNANCY,
    with: [PREGNANCY_EMERGENCY],
    unless: r`\b(?:last (?:year|pregnancy)|previous pregnancy|years ago|is it normal to have (?:some|light|a little)|spotting)\b`,
  },
  {
    id: "en.m.pregnancy_named",
    category: "medical",
    level: "high",
    pattern: [
      r`\b(?:think|might|could|worried|scared) (?:[\w']+ ){0,3}(?:ectopic|having a miscarriage|miscarrying|pre-?eclampsia|placental abruption)\b`,
      r`\bi am (?:having a miscarriage|miscarrying)\b`,
    ],
  },
  {
    id: "en.m.oncology_fever",
    category: "medical",
    level: "high",
    pattern: CANCER_TREATMENT,
    with: [FEVER],
    unless: r`\b(?:last (?:year|month)|years ago|before (?:my|his|her) chemo|vaccine|flu jab|flu shot)\b`,
  },
  {
    id: "en.m.oncology_cord",
    category: "medical",
    level: "high",
    pattern: CANCER,
    with: [r`\b(?:(?:legs?|feet) (?:are |is |have |has |went |gone |going |feel |feels |suddenly )*(?:weak|numb|giving way|heavy|not working|paraly\w*)|can not (?:walk|stand|feel (?:my|his|her) legs)|(?:lost|losing|can not) control (?:of )?(?:my |his |her )?(?:bladder|bowels?|pee|wee)|numb (?:between|around) (?:my|his|her|the) (?:legs|bottom|groin)|saddle numbness)\b`],
  },
  {
    id: "en.m.thunderclap",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:worst|most (?:severe|painful)) headache (?:of|in) (?:my|his|her|their) (?:entire )?life\b`,
      r`\bthunderclap headache\b`,
      r`\bsudden(?:ly)?,? (?:\w+ ){0,3}(?:severe|explosive|excruciating|blinding|crushing|splitting|agonising|agonizing) headache\b`,
      r`\bheadache (?:came on|hit|started) (?:suddenly|like a|out of nowhere)\b`,
    ],
    unless: r`\b(?:migraines?|sometimes|often|every (?:day|week|month)|for (?:weeks|months|years)|usually|last (?:year|month))\b`,
  },
  // Same red flag in other words ("worst headache I've ever had", "came on in seconds, like being hit with a bat").
  {
    id: "en.m.thunderclap_lay",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:worst|most (?:severe|painful|intense)) (?:\w+ )?(?:headache|head pain|pain (?:in|of) (?:my|his|her) head)\b[^.!?]{0,25}\b(?:ever|of (?:my|his|her|their) (?:entire )?life|in (?:my|his|her|their) life)\b`,
      r`\b(?:headache|head pain|pain in (?:my|his|her) head)\b[^.!?]{0,30}\b(?:like (?:a |being )?(?:thunderclap|thunder|bolt|lightning|bomb|explosion|gunshot|hammer|(?:hit|struck|kicked) (?:by|with|in)|something (?:burst|exploded|popped))|out of (?:nowhere|the blue)|in (?:a (?:few|couple of) |a )?(?:seconds?|split second|instant)|all at once|instantly)\b`,
      r`\b(?:like|as if) (?:a |being |something )?(?:thunderclap|bolt|bomb|explosion|gunshot|(?:hit|struck|kicked) (?:by|with|in) (?:the|a)|burst|exploded|went off|popped) (?:\w+ ){0,3}(?:in|inside) (?:my|his|her) head\b`,
    ],
    unless: r`\b(?:migraines?|sometimes|often|every (?:day|week|month)|for (?:weeks|months|years)|usually|last (?:year|month)|hangover|hung ?over|brain freeze|ice cream|cold|flu|sinus\w*|period|caffeine|tension|stress(?:ed)?|dehydrat\w*|hay ?fever|lol|haha)\b`,
  },
  // Pulmonary embolism: a swollen or painful leg, then chest pain, breathlessness or coughing blood.
  {
    id: "en.m.pulmonary_embolism",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:(?:one |my |his |her )?(?:leg|calf|calves|thigh)s? (?:is |are |has been |have been |was |got |went |feels? |getting |all )*(?:swollen|swelling|puffy|red and (?:hot|sore|swollen)|painful|tender|hot)|swollen (?:leg|calf)|(?:dvt|deep vein thrombosis|blood clot in (?:my|his|her) (?:leg|calf)))\b`,
    with: [`${CHEST}|${BREATHLESS}|\\b(?:cough(?:ing|ed)? (?:up )?blood|blood when (?:i|he|she) cough\\w*|pain (?:when|as) (?:i|he|she) breathe\\w*|hurts to breathe)\\b`],
    unless: r`\b(?:last (?:year|month)|years ago|months ago|(?:after|from) (?:running|the gym|a workout|exercise|football|a match)|for (?:weeks|months|years)|every (?:day|evening|night)|in the evenings?|by the end of the day|when i (?:walk|climb|exercise)|(?:climbing|on the) stairs|sometimes|often)\b`,
  },
  {
    id: "en.m.sepsis_confusion",
    category: "medical",
    level: "high",
    pattern: [
      r`\b(?:is |seems |very |suddenly |become |became |got |getting |gone |went |is so )(?:confused|disoriented|delirious|not making sense|incoherent)\b`,
      r`\b(?:mottled|blotchy blue) skin\b`,
      r`\b(?:does not|did not|can not) (?:know|recogni[sz]e) (?:where (?:he|she|i|they) (?:is|am|are)|(?:me|us|anyone|his|her|who)|what day)\b|\btalking nonsense\b|\bnot (?:himself|herself|making sense)\b`,
    ],
    with: [FEVER],
  },
  {
    id: "en.m.hypoglycaemia",
    category: "medical",
    level: "imminent",
    pattern: [
      r`\b(?:blood sugar|glucose|sugar level|sugars?|bg|bm) (?:is |was |of |reading |at |dropped to |down to |has dropped to |went down to )?(?:very low|too low|dangerously low|really low|[1-2]\.\d\b|[1-3]\d (?:mg)?\b)`,
      r`\bhypo(?:glycaemic|glycemic)?\b`,
    ],
    with: [r`\b(?:confus\w*|unconscious|can not wake|will not wake|drowsy|not making sense|fitting|seizure|slurr\w*|can not swallow|unresponsive|collaps\w*|passed out)\b`],
  },
  {
    id: "en.m.testicular",
    category: "medical",
    level: "high",
    pattern: r`\bsudden (?:\w+ ){0,2}(?:severe |bad )?pain in (?:my|his) (?:testicle|testicles|balls|scrotum)\b|\b(?:testicular|testicle) (?:torsion|twisted)\b`,
  },
  {
    id: "en.m.testicular_pain",
    category: "medical",
    level: "high",
    pattern: r`\b(?:testicles?|testis|balls|scrotum|nut)\b`,
    with: [r`\b(?:sudden(?:ly)?|severe(?:ly)?|excruciating|agony|agonising|agonizing|unbearable|really (?:bad(?:ly)?|painful)|so (?:bad(?:ly)?|painful)|worst)\b`],
    unless: r`\b(?:for (?:weeks|months|years)|lump|self[- ]?check|dull ache|vasectomy|kicked in the balls lol|cycling)\b`,
  },
  // Tearing chest pain through to the back (aortic dissection).
  {
    id: "en.m.aortic_dissection",
    category: "medical",
    level: "imminent",
    pattern: r`\b(?:tearing|ripping|shearing|ripped|torn)\b[^.!?]{0,15}\b(?:pain|feeling|sensation)\b|\bpain\b[^.!?]{0,15}\blike (?:something|it) (?:is |was )?(?:tearing|ripping)\b`,
    with: [r`\b(?:chest|back|between (?:my|his|her) shoulder ?blades|breastbone)\b`],
    unless: r`\b(?:muscle|gym|lifting|workout|torn (?:muscle|ligament|acl|meniscus|cartilage|rotator)|(?:last|years) (?:week|month|year|ago))\b`,
  },
  // Acute angle-closure glaucoma: a painful eye with blurred vision, halos or vomiting.
  {
    id: "en.m.acute_eye",
    category: "medical",
    level: "high",
    pattern: r`\b(?:(?:severe|really bad|terrible|excruciating|sudden|intense|agonising|agonizing|throbbing) (?:\w+ )?(?:pain in|pain behind) (?:my|his|her|one|the) (?:left |right )?eye|(?:severe|sudden|excruciating|terrible) eye pain|eye (?:is )?(?:killing me|in agony))\b`,
    with: [r`\b(?:blurr\w*|halos?|rainbow|vomit\w*|throw\w* up|lost (?:my |the )?(?:vision|sight)|can not see|red eye|eye is red|nause\w*)\b`],
  },
  // Sepsis without a thermometer: confusion with fast breathing and a known infection or feeling hot.
  {
    id: "en.m.sepsis_signs",
    category: "medical",
    level: "high",
    pattern: r`\b(?:very |really |suddenly |so |quite )?(?:confused|disoriented|delirious|not making sense|drowsy and confused)\b`,
    with: [
      r`\b(?:breathing (?:very |really |so )?(?:fast|quickly|rapidly|hard)|fast breathing|rapid breathing|heart (?:is )?racing|mottled|clammy|shivering|rigors|hot to (?:the )?touch|burning up|(?:very|really|so) hot|hot and|cold and clammy)\b`,
      r`\b(?:infection|uti|urine infection|water infection|chest infection|pneumonia|wound|cellulitis|kidney infection|fever|temperature|antibiotics|chemo|cathet\w*|operation|surgery)\b`,
    ],
  },
];

const violence: CrisisRule[] = [
  {
    id: "en.v.assault",
    category: "violence",
    level: "high",
    pattern: r`\b${AGGRESSOR}(?:'s)?\b${ASSAULT_GAP}{0,5}? (?:hit|hits|hitting|punch(?:ed|es|ing)?|pinch(?:ed|es|ing)?|spit(?:s|ting)? on|spat on|starv(?:ed|es|ing)|kick(?:ed|s|ing)?|slap(?:ped|s|ping)?|beat(?:s|en|ing)?|chok(?:ed|es|ing)|strangl(?:ed|es|ing)|throttl(?:ed|es|ing)|shov(?:ed|es|ing)|push(?:ed|es|ing)|thr(?:ew|ows|owing)|drag(?:ged|s|ging)|attack(?:ed|s|ing)|stab(?:bed|s|bing)|burn(?:ed|t|s|ing)|bit|bites|grab(?:bed|s|bing)|pinn(?:ed|ing)|smash(?:ed|es|ing)|assault(?:ed|s|ing)|hurt(?:s|ing)?|abus(?:ed|es|ing)|rap(?:ed|es|ing)|molest(?:ed|s|ing)?|whip(?:ped|s|ping)?|tied up|locked) (?:(?:the |a )?[\w']+ (?:and|then) )?${VICTIM}(?!self\b|selves\b)(?! (?:feelings|pride|ego)| (?:to|into) (?:see|go|get|try|do|take|eat|exercise|book|call|make|be|work|study|apply|quit|stop|start|seek|visit|talk|speak|have|keep|finish|come)\b| out\b| off (?:the|his|her) (?:team|account)| up (?:on|with) (?:the|a) )`,
    unless: `${HISTORY}|\\b(?:playing|play[- ]?fight\\w*|by accident|accidentally|tickl\\w*|the ball|as a joke|joking|messing around|horsing around)\\b`,
    imminentIf: NOW,
  },
  {
    id: "en.v.threat",
    category: "violence",
    level: "high",
    pattern: [
      r`\bthreat(?:en(?:ed|s|ing)?)? (?:me |us |her |him |them )?(?:with (?:a )?(?:knife|gun|weapon|violence|death) )?(?:to )?(?:kill|hurt|beat|stab|shoot|burn|murder|harm|strangle|take the (?:kids|children|baby)|break (?:my|her|his) (?:neck|legs|arms))\b(?! (?:himself|herself|themselves|myself))`,
      r`\b(?:said|says|say|told me|tell me|keeps saying|keep saying|texted|messaged|screamed|shouted|yelled|swore|swear) (?:that )?(?:he|she|they) (?:would|will|is going to|was going to|are going to|is about to|wants to|want to) (?:kill|hurt|beat|stab|shoot|murder|finish|do worse|break|strangle|get|come (?:back )?for|burn|disfigure|kidnap|take) (?:me|us|her|him|the kids|the baby|my|them|worse|it)\b`,
      r`\b(?:he|she|they) (?:will|would|is going to|are going to|is gonna) (?:throw|pour|splash) (?:acid|bleach|petrol|boiling water)\b|\b(?:throw|throwing|threw) acid (?:in|on|at) (?:my|her|his)\b`,
      r`\b(?:he|she|they) (?:will|would|is going to|are going to) (?:kill|hurt|beat|stab|shoot|murder|burn|take the kids|disfigure) (?:me|us|her|him|the kids|the baby|my [\w-]+)\b[^.!?]{0,20}\bif (?:i|we|she|he) (?:leave|tell|report|call|go|ever|try)\b`,
      r`\b(?:he|she|they) (?:will|is going to|is coming to) (?:do worse|finish me|come back (?:for|and) (?:me|us))\b`,
      r`\b(?:said|says|told me|keep saying|keeps saying|texted|messaged|posted|screamed|shouted|yelled|swore|warned me) (?:that )?(?:he|she|they|some \w+|a group of \w+|the \w+) (?:are|were|is|was) (?:going to|gonna|coming to|about to|waiting to) (?:kill|hurt|beat|stab|shoot|jump|batter|bash|smash|get|attack|knife|cut|kick|burn|do) (?:me|us|her|him|the kids|the baby|my (?:[\w-]+)|them|it)\b(?! (?:up|out|back|a favou?r|some|the))`,
      // "He has my kids and says I'll never see them alive"
      r`\b(?:i|we|you|she|he) (?:will|would|are going to|is going to) never see (?:them|the kids|my kids|the children|my children|the baby|my baby|her|him|my (?:son|daughter|boy|girl)) (?:alive|again alive|breathing)\b`,
      r`\b(?:will not|would not|is not going to|are not going to|never) (?:come|get|be) (?:back|home) alive\b`,
      r`\b(?:afraid|scared|terrified|fear|worried) (?:that )?(?:he|she|they|my [\w-]+) (?:will|is going to|might|would|could) (?:kill|hurt|beat|attack|strangle|stab|come back and hurt|find (?:me|us)) ?(?:me|us|her|him|the kids|my|them)?\b`,
      r`\b(?:said|says|told me|keeps saying|texted|screamed|shouted|yelled|swore|threatens?|threatened)\b[^.!?]{0,12}\bif (?:i|we|she)\b[^.!?]{0,30}\b(?:he|she|they) (?:would|will|is going to|is gonna) (?:kill|hurt|shoot|stab|murder|beat|burn|find) (?:me|us|her|him|the kids|the baby|them)\b`,
      r`\b(?:is|are|keeps|has been|have been|was|started|now) threatening (?:me|us|all of us|her|him|them|my (?:[\w-]+ )?(?:family|kids|children|wife|husband|mum|mom|dad|partner))\b(?! (?:with (?:divorce|legal|court|a lawsuit|eviction|the sack|lawyers|the police|a bad review)|to (?:leave|sue|report|quit|fire|tell|divorce|move|call the police|cut)))`,
      r`\b(?:said|says|told me|keeps saying|texted|messaged|screamed|shouted|yelled|swore) (?:that )?(?:he|she|they) (?:would|will|is going to|was going to|is gonna) [^.!?]{0,40}?\b(?:kill|hurt|shoot|stab|murder|strangle) (?:me|us|her|him|the kids|the baby|my [\w-]+)\b`,
      r`\b(?:threaten\w*|going to|is gonna|will|says (?:he|she) will) (?:to )?(?:post|share|leak|send|upload) (?:my|her|our) (?:nudes|naked \w+|intimate \w+|sex (?:tape|video)|private (?:photos|pictures|videos))\b`,
      r`\bfear for (?:my|our|her|his) (?:life|lives|safety)\b`,
      // Sextortion: "threatening to post his photos unless he sends money".
      r`\b(?:threaten\w*|going to|will|says (?:he|she|they) will)\b[^.!?]{0,20}\b(?:post|share|leak|send|upload|release)\b[^.!?]{0,15}\b(?:photos|pictures|pics|videos|nudes|images)\b[^.!?]{0,30}\b(?:unless|if (?:i|he|she|we) (?:do not|does not|did not|refuse|will not))\b`,
      r`\bin fear of (?:my|our) li(?:fe|ves)\b`,
    ],
    unless: r`\b(?:in the (?:movie|film|book|show|game))\b`,
    imminentIf: NOW,
  },
  {
    id: "en.v.partner_kill",
    category: "violence",
    level: "high",
    jokeable: true,
    pattern: r`\b(?:(?:my|her|his) ${INTIMATE}|he|she|someone) (?:is going to|will|wants to|is trying to|tried to|is gonna|is coming to) (?:kill|murder|hurt|strangle) (?:me|us|her|him|the kids|the baby)\b`,
    imminentIf: NOW,
  },
  {
    id: "en.v.weapon",
    category: "violence",
    level: "imminent",
    pattern: r`\b(?:has|have|had|got|grabbed|pulled|pulling|holding|waving|pointing|pointed|brandishing) (?:out )?(?:a |the |his |her |my )?(?:knife|gun|pistol|rifle|shotgun|weapon|machete|axe|hammer|bat|blade|broken bottle)\b(?! (?:licen[cs]e|collection|safe|cabinet|club|range))`,
    with: [r`\b(?:drunk|angry|furious|rage|raging|shout\w*|scream\w*|yell\w*|threat\w*|scared|afraid|terrified|hiding|locked|fight\w*|attack\w*|kill|hurt|violent|abus\w*|punch\w*|beat\w*|help me|police|at me|at us|at her|at him|shoot|stab|make (?:him|her|them) pay|revenge|get back at|know where (?:he|she|they) lives?|teach (?:him|her|them) a lesson|jump (?:me|us|him|her)|gang)\b`],
  },
  {
    id: "en.v.fear_of_partner",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:scared|afraid|terrified|frightened) (?:of|to go home to|to be alone with) (?:my )?(?:${INTIMATE}|dad|father|stepdad|stepfather|son|him)\b(?!'s)`,
      r`\b(?:is|gets|becomes|getting|has become) (?:very |really |more and more )?(?:violent|aggressive) (?:with|towards|toward|to) (?:me|us|her|him|the kids|my)\b`,
    ],
    unless: r`\b(?:reaction|find out|finding out|tell him|telling him|when he sees|disappoint\w*|worry|worried about (?:him|her))\b`,
  },
  {
    id: "en.v.confinement",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:will not|won't|does not|refuses to) let (?:me|us|her) (?:leave|go out|out of the house|out of the room|see anyone|call anyone|have my phone)\b`,
      r`\b(?:locked|locks|keeps) (?:me|us|her) (?:in|inside)\b`,
      r`\btook (?:my|her) (?:phone|passport|keys) (?:so|and) (?:i|she) (?:can not|could not)\b`,
    ],
    unless: r`\b(?:doctor|nurse|hospital|ward|quarantine|covid|because (?:of|i am) (?:sick|ill)|grounded)\b`,
    imminentIf: NOW,
  },
  {
    id: "en.v.weapon_attack",
    category: "violence",
    level: "imminent",
    pattern: [
      r`\b(?:came|coming|come|lunged|ran) at (?:me|us|her|him|them|my [\w-]+) with\b`,
      r`\bthreaten(?:ed|s|ing) (?:me|us|her|him|them) with (?:a |his |her )?(?:knife|gun|weapon|bat|hammer|axe|machete)\b`,
      r`\b(?:a |some )?(?:man|guy|someone|somebody|person|stranger|people|men)(?: \w+){0,3}? with (?:a |an )?(?:gun|knife|machete|axe|weapon|bat|crowbar|hammer)\b[^.!?]{0,30}\b(?:outside|here|in|at|coming|shouting|screaming|threat\w*|my name|banging|trying)\b`,
      r`\b(?:outside|at) (?:my|our|the) (?:door|house|flat|window|gate)\b[^.!?]{0,25}\bwith (?:a |an )?(?:gun|knife|machete|axe|weapon|bat|crowbar)\b`,
      r`\b(?:a |the )?(?:knife|gun) (?:to|against|at) (?:my|her|his|their) (?:throat|head|neck|chest)\b`,
      r`\b(?:outside|downstairs|at the door|in the (?:garden|hallway|stairwell|car park|street|corridor))\b[^.!?]{0,15}\bwith (?:a |an )?(?:gun|knife|machete|axe|weapon|crowbar)\b|\bwith (?:a |an )?(?:gun|knife|machete|axe|weapon|crowbar)\b[^.!?]{0,20}\b(?:outside|downstairs|at the door|shouting|screaming|yelling|banging|threaten\w*|waiting for)\b`,
    ],
    unless: r`\b(?:in the (?:movie|film|book|show|game)|cooking|kitchen|carving|whittling|gardening|hunting trip|fishing)\b`,
  },
  {
    id: "en.v.intruder_stalker",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:someone|somebody|a (?:man|guy|stranger|person|woman|group)|he|she|my ex|they|a car)${GAP}{0,5}? (?:is |are |has been |have been |keeps |kept |has |had )?(?:trying to |tried to )?(?:break(?:ing)? in(?:to)?|broken in(?:to)?|get(?:ting)? in(?:side|to)?|bang(?:ing)? on (?:my|the|our) (?:door|window)s?|follow(?:ing|ed|s)? (?:me|us|my [\w-]+)|stalk(?:ing|ed|s)? (?:me|us|my [\w-]+)|watching (?:me|us|my (?:house|flat|home))|waiting (?:for me )?outside my|outside my (?:house|door|flat|apartment|window|work|school))\b(?! (?:around|everywhere|on (?:instagram|twitter|tiktok|social)))`,
      r`\b(?:someone|somebody|an intruder|a (?:man|stranger|burglar)) (?:is )?in (?:my|our) (?:house|home|flat|room|apartment|bedroom)\b`,
    ],
    unless: `${CHILD}|\\b(?:puppy|dog|cat|toddler|last (?:week|month|year)|years ago)\\b`,
    imminentIf: NOW,
  },
  {
    id: "en.v.intent_harm",
    category: "violence",
    level: "high",
    jokeable: true,
    pattern: [
      r`\bi\b${GAP}{0,3}? (?:want|going|plan(?:ning)?|intend|ready|about|tempted|feel like|will|have decided|urge|need|am going) (?:to )?(?:kill|murder|hurt|stab|shoot|strangle|poison|beat(?: up)?|smother|attack|burn|harm|run over|get back at|make (?:him|her|them) pay|bash|batter|killing|murdering|hurting|stabbing|shooting|strangling|poisoning|beating|smothering|attacking|harming)\b (?:him|her|them|someone|somebody|people|everyone|a lot of people|my (?:[\w-]+ ){0,2}|the (?:baby|kids?|children|neighbou?rs?|guy|man|woman|bastard|boss|teacher)|whoever|that)\b`,
      r`\b(?:set|setting|going to set|want to set) (?:fire to (?:his|her|their|the|my|a) |(?:his|her|their|the) (?:\w+ ){0,2}on fire|(?:him|her|them) on fire|it on fire)`,
      r`\bburn (?:his|her|their|the) (?:\w+ ){0,2}(?:house|car|flat|place|shop) down\b`,
      r`\bbeat the (?:crap|shit|hell|living daylights) out of (?:him|her|them|my [\w-]+)\b`,
      r`\b(?:going to|want to|will|plan(?:ning)? to|about to|gonna) (?:shoot|bomb|blow) up (?:my|the|our|this|a) (?:school|office|workplace|work|church|mosque|temple|synagogue|mall|class|college|university|uni|company|hospital|clinic)\b`,
      r`\bshoot (?:people|everyone|them all|up the place)\b`,
      r`\b(?:going to|want to|will|plan(?:ning)? to|about to|gonna|i am) (?:bring|take|bringing|taking|carry|carrying) (?:a |my |his |her |the |[\w-]+'s |my [\w-]+'s )?(?:gun|knife|weapon|rifle|pistol|bomb|machete|shotgun) (?:to|into) (?:school|class|college|uni|work|the office|church|the mosque|the mall|the party)\b`,
    ],
    unless: r`\b(?:in the (?:game|movie|film|book))\b`,
    imminentIf: r`\b(?:tonight|right now|now|today|tomorrow|with him in it|with her in it|with them in it|about to|going to)\b`,
  },
  // Angry words become intent when the writer is moving towards the person or has a weapon
  // ("I could kill him, I know where he lives and I'm going over there now").
  {
    id: "en.v.intent_action",
    category: "violence",
    level: "imminent",
    jokeable: true,
    pattern: r`\b(?:could|want to|going to|will|am going to|about to|need to|swear i will|swear i will) (?:kill|murder|hurt|stab|shoot|strangle|batter|smash (?:his|her) face in|beat (?:him|her|them) up) (?:him|her|them|that \w+|my [\w-]+)\b`,
    with: [r`\b(?:know where (?:he|she|they) (?:lives?|works?|is|are)|going (?:over|round|to (?:his|her|their)(?: \w+)?) (?:there|now|tonight)?|on my way (?:over|there|to)|heading (?:over|there|to|round)|driving (?:over|there|to)|waiting (?:for (?:him|her|them)|outside (?:his|her|their))|(?:got|have|grabbed|bringing|taking) (?:a|my|the) (?:knife|gun|bat|hammer|machete|weapon|crowbar)|right now|tonight)\b`],
    unless: r`\b(?:in the (?:game|movie|film|book))\b`,
  },
  // Secrecy and disbelief threats used by abusers ("says no one will believe her", "if I tell he'll hurt me").
  {
    id: "en.v.coercion",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:says|said|tells (?:me|her|him)|told (?:me|her|him)|keeps saying|threatens?|threatened)\b[^.!?]{0,20}\b(?:no one|nobody) (?:will|would|is going to) (?:ever )?believe (?:me|her|him|us|you|them)\b`,
      r`\bif (?:i|she|he|we) (?:tell|tells|told|report|reports) (?:anyone|anybody|someone|mum|mom|dad|the police|a teacher)\b[^.!?]{0,30}\b(?:hurt|kill|beat|punish|take (?:the kids|my|her|him)|get rid of|send (?:me|her|him) away|do it again|make (?:me|her|him) pay)\b`,
      r`\b(?:takes|took|keeps|controls|steals?|stole) (?:all )?(?:my|her|his|our) (?:money|pension|bank card|benefits|wages)\b[^.!?]{0,40}\b(?:hits?|pinch\w*|hurts?|threat\w*|scared|afraid|will not let|no one will believe)\b`,
    ],
    unless: HISTORY,
    imminentIf: NOW,
  },
  // Violence the writer is hearing or watching now ("I can hear him hitting his wife right now").
  {
    id: "en.v.witnessed",
    category: "violence",
    level: "high",
    pattern: r`\b(?:hear|heard|hearing|see|saw|seeing|watching|listening to|can hear|can see) (?:him|her|them|my [\w-]+|the (?:man|woman|guy) next door|the neighbou?rs?|someone) (?:hitting|beating|attacking|strangling|choking|kicking|punching|stabbing|hurting|throwing|smashing) (?:his|her|their|my|a|the) (?:[\w-]+ )?(?:wife|husband|partner|girlfriend|boyfriend|kids?|children|child|son|daughter|baby|mum|mom|dad|mother|father|dog|woman|man)\b`,
    unless: r`\b(?:movie|film|show|tv|game|video|years ago|last (?:year|month))\b`,
    imminentIf: NOW,
  },
  {
    id: "en.v.harm_child_thoughts",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:thoughts?|urges?|images|ideas?) (?:of|about) (?:hurting|harming|killing|smothering|shaking|drowning|suffocating) (?:my |the |our )?(?:baby|child|son|daughter|kids?|partner|wife|husband|mum|mom|dad|newborn)\b`,
      r`\b(?:afraid|scared|worried|terrified|fear) (?:that )?i (?:might|will|could|would|am going to) (?:hurt|harm|kill|shake|smother|snap and hurt|lose it and hurt) (?:my |the |our )?(?:baby|child|son|daughter|kids?|newborn|someone|him|her|them)\b`,
    ],
  },
  {
    id: "en.v.abuse",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:i am|i have been|we are|we have been|she is|he is|they are|my (?:[\w-]+ ){1,2}?(?:is|has been)) (?:being |getting )?(?:abused|beaten(?: up)?|hit|assaulted|raped|molested|sexually (?:abused|assaulted)|trafficked|strangled|choked)\b`,
      r`\b(?:abusive|violent) (?:husband|wife|partner|boyfriend|girlfriend|relationship|marriage|home|father|dad|mother|mum|mom|stepfather|stepdad|son)\b`,
      r`\b(?:i am|i have been|we are|experiencing|victim of|suffering|escap\w*|flee\w*|leav\w*) (?:\w+ ){0,2}domestic (?:violence|abuse)\b`,
      r`\b(?:raped|sexually assaulted) (?:me|her|him)\b`,
      r`\bi (?:was|have been|got) (?:raped|sexually assaulted|drugged and)\b`,
      r`\b(?:he|she|someone|somebody|a (?:man|woman|stranger)|[\w-]+'s [\w-]+|(?:my|her|his|our|the) [\w-]+)(?: \([^)]{1,20}\))? (?:is |has been |keeps |was |kept |have been |had been )?(?:touching|touched|molesting|groping|groped|fondling|fondled|feeling up) (?:me|her|him|my (?:[\w-]+ )?(?:daughter|son|child|kid|girl|boy))\b(?! (?:shoulder|arm|hand|back|head|hair)| to (?:correct|help|show|guide))`,
      r`\b(?:forced|made|pressured|coerced|pushed) (?:me|her|him) (?:in)?to (?:have sex|sex|sleep with|do (?:sexual|stuff|things)|perform|give (?:him|her) oral)\b`,
      r`\b(?:had|have|having) sex with (?:me|her|him) (?:when|while|after|even though|although) (?:i|she|he) (?:said no|was asleep|was unconscious|was passed out|was drunk|did not want|told (?:him|her) to stop|kept saying no)\b`,
      r`\b(?:against (?:my|her) will|without (?:my|her) consent|non-?consensual)\b`,
      r`\b(?:drugged|spiked) (?:my|her|his|our) (?:drink|drinks|food|coffee|tea|water)\b|\bmy drink (?:was|got|had been) (?:spiked|drugged)\b`,
      r`\b(?:put|slipped|dropped|poured) (?:something|a pill|some\w*|a tablet|drugs?|powder) (?:in|into) (?:my|her|his|our) (?:drink|drinks|glass|food|coffee|tea|water|beer|wine)\b`,
      r`\b(?:woke|wake|waking) up (?:with|and|to find|without) (?:my |her )?(?:clothes|pants|underwear|knickers|trousers|jeans) (?:off|removed|gone|missing|pulled down|undone)?`,
      r`\b(?:touch(?:ed|es|ing)|molest\w*|groom(?:ed|ing)|com(?:es|e|ing) into (?:my|her|his) (?:room|bed(?:room)?)|(?:gets?|getting) into (?:my|her|his) bed) (?:me|her|him|my [\w-]+)?\b[^.!?]{0,25}\b(?:inappropriately|down there|private|sexually|under (?:her|his|my) (?:clothes|pants|underwear|covers|skirt|dress|top|shirt|knickers)|at night|in (?:my|her|his) (?:bed|room)|when (?:no one|nobody|mum|mom|dad) is|while (?:i|she|he) (?:sleep|sleeps|am asleep|is asleep)|makes me|our secret|a secret|not to tell)\b`,
      r`\b${AGGRESSOR}\b[^.!?]{0,10}\b(?:makes?|made|making|forces?|forced|forcing|gets?|got) (?:me|her|him|my (?:daughter|son|child|sister|brother)) (?:to )?(?:do|touch|watch|look at|take off|show) (?:things|stuff|sexual things|him|her|his|it|my clothes|her clothes|pictures|videos)\b[^.!?]{0,30}\b(?:when|while|if|secret|not to tell|nobody|no one|(?:mum|mom|dad) (?:goes|is) (?:out|away|at work))\b`,
    ],
    unless: HISTORY,
    imminentIf: NOW,
  },
  // Forced labour: documents taken together with control ("they took my passport, I can't leave").
  {
    id: "en.v.trafficking",
    category: "violence",
    level: "high",
    pattern: r`\b(?:took|taken|take|takes|keep|keeps|kept|holding|hold|has|have|confiscated|withholding) (?:away )?(?:my|her|our|his) (?:passport|id|id card|documents|papers|visa)\b`,
    with: [r`\b(?:forced|force me|makes? me|made me|can not leave|not allowed to (?:leave|go)|will not let (?:me|her|us)|locked|lock (?:me|us)|debt|owe them|threat\w*|no pay|not paid|without pay|for free|trapped)\b`],
    unless: r`${HISTORY}|\b(?:home now|safe now|escaped|got out|back home)\b`,
  },
  {
    id: "en.v.child_abuse",
    category: "violence",
    level: "high",
    pattern: r`\b(?:bruises?|bruising|burns?|marks|welts|cuts|injur(?:y|ies)|black eye|scratches|bite marks|handprints?|belt marks|lash marks)\b`,
    with: [
      CHILD,
      r`\b(?:babysitter|nanny|childminder|daycare|nursery|teacher|coach|stepdad|stepfather|stepmum|stepmom|stepmother|(?:mum|mom|mother)'?s (?:boyfriend|partner)|(?:dad|father)'?s (?:girlfriend|partner)|(?:says|said|told me|tells me) (?:that )?(?:the |her |his |my |a )?[\w-]+ (?:did (?:it|this|that)|hit|hurt|burned|burnt|hits|beats)|someone (?:did|hurt|hit|burned)|(?:he|she) (?:did (?:it|this)|hits|hit|beats|burned|burnt)|flinch\w*|(?:scared|afraid|terrified) (?:of (?:his|her) (?:dad|mum|mom|father|mother|parents?|stepdad|stepmum|stepmom)|to go home)|does not want to go home)\b`,
    ],
  },
  {
    id: "en.v.child_abuse_named",
    category: "violence",
    level: "high",
    pattern: [
      r`\bcigarette burns?\b`,
      r`\b(?:child|kid|son|daughter|baby|grandchild|niece|nephew) (?:is being|was being|being|has been|is getting|gets) (?:abused|hit|beaten|hurt|molested|neglected|starved|locked (?:in|up))\b`,
      r`\b${AGGRESSOR} (?:beats|hits|whips|burns|starves|locks up|molests|abuses) (?:my|the|his|her|our) (?:child|kid|son|daughter|children|kids|baby|grandchild)\b`,
    ],
    unless: HISTORY,
    imminentIf: NOW,
  },
  {
    id: "en.v.shelter",
    category: "violence",
    level: "high",
    pattern: [
      r`\b(?:where|somewhere) (?:can|could|do|should) (?:i|we) (?:go|stay|hide|sleep)\b[^.!?]{0,30}\b(?:safe|away from (?:him|her|them)|he can not find|she can not find|escape)\b`,
      r`\b(?:domestic violence|women'?s|dv|abuse|family violence) (?:shelter|refuge)\b`,
      r`\bsafe (?:house|place|room) (?:to|for|where) (?:stay|go|hide|escape)\b`,
      r`\b(?:need|find) (?:a )?(?:safe place|refuge|shelter) (?:to|for|from|away|tonight)\b`,
      r`\bescape from (?:him|her|them|my (?:husband|partner|boyfriend|wife|dad|father))\b`,
    ],
  },
];

export const EN_RULES: CrisisRuleSet = {
  rules: [...suicide, ...medical, ...violence],
  // History-only messages: a past attempt or self-harm with an explicit "I'm well now" is not a crisis.
  history: HISTORY,
  recovered: r`(?<!\bnot )(?<!\bno longer )(?<!\bnever )\b(?:(?:doing|been doing|am doing|feel|feeling|i am|been|i have been|i am now|life is|things are) (?:really |very |so much |much |a lot |pretty |quite |so )?(?:well|good|great|fine|better|okay|ok|stable|happy)\b(?! (?:at|with|to|enough|as|about|of)\b)(?! for (?!years|a long time|ages|a while|some time|months|\w+ years)\w)|(?:in a )?(?:good|better|great|healthy|happy) place(?: now)?|(?:fully )?recovered|(?:fine|well|good|stable|happy|safe|better|okay|ok) now|have not (?:done (?:it|that)|self[- ]?harmed|cut|hurt myself|had (?:those|any|suicidal) (?:thoughts|urges)) (?:since|for|in)\b|(?:\w+ )?years? (?:clean|free)\b|clean (?:for|since)\b|no (?:more|longer) (?:suicidal|self[- ]?harming|cutting|having those thoughts)|put (?:it|that|all that) behind me|moved on)`,
  relapse: r`${RELAPSE_AGAIN}|\b(?:lately|recently|these days|this week|tonight|right now)\b[^.!?]{0,30}\b(?:think\w*|thoughts?|urges?|want\w*|tempted|cut\w*|harm\w*|struggl\w*|low|hopeless|dark)\b|\b(?:think\w*|thoughts?|urges?|want\w*|struggl\w*)\b[^.!?]{0,30}\b(?:lately|recently|these days|this week|tonight|right now)\b|\b(?:relaps(?:e|ed|ing)(?! prevention)|(?:coming|creeping|came) back|are back|is back|worse again)\b|\b(?:want to (?:die|kill myself|end it)|suicidal (?:again|now|today|tonight))\b`,
  // "not/never/no longer" up to five words before the hit; "not sure/know/stop" do not negate ("i can not stop thinking about…").
  negatedPrefix: r`\b(?:not|never|no longer|no|nor|neither|without)\b(?! (?:sure|know|knowing|even|only|just|certain|stop|stopping|help|helping|get rid|shake|escape|matter|one|longer able|idea|wonder|way|more|less|point|reason))(?: [\w'-]+){0,5}? ?`,
  clauseBreak: r`[,;:()\n]|\s[-–—]\s|\b(?:but|and|though|although|however|yet|so|because|cause|cuz|while|then|whereas|except)\b`,
  reportedFrame: {
    suicide: r`\b(?:movies?|films?|tv|shows?|series|documentar(?:y|ies)|novels?|books?|songs?|lyrics|poems?|plays?|characters?|video games?|news|articles?|podcasts?|true[- ]crime|essays?|assignments?|homework|research|lectures?|training|textbooks?|quotes?|warning signs?|signs? of|risk factors?|statistics|awareness|prevention|prevent|teachers?|students?|pupils?|(?:people|someone|a person|anyone|patients?) who|hypothetically|in general|teenagers|teens|adolescents)\b`,
    violence: r`\b(?:movies?|films?|tv|shows?|series|documentar(?:y|ies)|novels?|books?|songs?|lyrics|characters?|video games?|games?|news|articles?|podcasts?|true[- ]crime|essays?|homework|hypothetically|warning signs?|signs? of)\b`,
    medical: r`\b(?:movies?|films?|tv (?:show|series)|documentar(?:y|ies)|novels?|video games?|podcasts?|lyrics|hypothetically)\b|\bwhat (?:are|is) (?:the )?(?:warning |main |early )?signs? of\b|\bhow (?:do (?:i|you|we)|to|can (?:i|you|we)) (?:recogni[sz]e|spot|tell (?:if|when))\b|\bfirst[- ]aid (?:course|class|training)\b`,
  },
  firstPerson: r`\b(?:i|me|my|myself|mine|we|us|our)\b`,
  hypothetical: r`\b(?:what (?:should|do|can|would|could) (?:i|we|you|one|parents|teachers|people|a teacher|a parent) (?:do|say)|how (?:should|do|can|would|could) (?:i|we|you|one|parents|teachers|people|schools) (?:respond|react|help|talk|reply|answer|know|tell|spot|recogni[sz]e|support|approach)|how to (?:respond|react|help|talk|reply|answer|spot|recogni[sz]e|tell|support|approach))\b[^.!?]{0,60}\b(?:if|when|whether|who|someone|somebody|a (?:friend|student|patient|child|person|teen|teenager|pupil|client))\b|\bwhy do (?:people|some people|teens|teenagers|kids)\b|\bwhat signs (?:should|do|can|to) (?:i |we )?(?:look|watch) (?:for|out)\b|\b(?:worried|afraid|concerned|wondering) (?:that )?(?:my [\w-]+|he|she|they) (?:might|may|could) be\b|\b(?:asked|asks|ask|asking) (?:me |us )?(?:if|whether)\b|\bwhat (?:temperature|temp) (?:is|counts as|would be) (?:a |considered (?:a )?)?(?:fever|high)\b|\bwhat counts as a fever\b|\b(?:screening|questionnaire|the form|survey) (?:asked|asks|question)|\bis it (?:true|normal|common) (?:that|for) (?:people|teens|teenagers|kids)\b|\b(?:what is the|is there a|what are the) (?:protocol|procedure|policy|guidance|guideline|process|best practice)s? (?:for|when|if|on)\b|\b(?:i am|as) an? (?:nurse|doctor|gp|teacher|counsel+or|therapist|social worker|paramedic|pharmacist|student nurse|support worker|care worker|psychologist|psychiatrist|youth worker)\b[^.!?]{0,60}\b(?:how|what) (?:should|do|can|would) (?:i|we)\b`,
  jocular: r`\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|just kidding|kidding|joking|only joking)\b|😂|🤣|😅|😆|🙃|\bxd\b`,
};
