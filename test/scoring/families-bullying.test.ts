import { describe } from 'vitest'
import { expectLevels } from './expect-levels'

/**
 * The bullying families, in Chinese and in English, both directions: insults and slurs that keep going,
 * mocking and imitating, exclusion and silent treatment, group-chat polls and fake accounts, belongings hidden,
 * soaked or thrown, pushing and tripping, extortion in every wording, harassment and grooming by peers and
 * adults, a child too afraid to come to school — and the look-alikes (bins, pork, a loan of a comic, "the
 * whole class laughed" at a teacher's joke, bullying that is over) that must stay low.
 */
describe('extortion and robbery: protection money, "you owe us", a toll for the toilet, money taken (high)', () => {
  expectLevels([
    ["他们每天让我交十块，不交就不让我进教室", 'high'],
    ["高年级的要我每天交五块零花钱", 'high'],
    ["那几个人收我饭卡 说这是规矩", 'high'],
    ["他们说我欠他们钱 其实我根本没借过", 'high'],
    ["同桌借钱从来没还过 还说再借", 'high'],
    ["上厕所都要交钱 初三的守在门口收", 'high'],
    ["他硬说我欠他五十 天天找我拿钱", 'high'],
    ["他逼我请客 不请客就在群里骂我", 'high'],
    ["the eighth graders make the little kids pay a dollar to use the water fountain", 'high'],
    ["they say i owe them twenty bucks for 'protection'", 'high'],
    ["you owe us. pay up or else", 'high'],
    ["these guys charge freshmen to sit at the back tables", 'high'],
    ["he keeps demanding my lunch money in the locker room", 'high'],
    ["two older boys made him hand over his phone at the bus stop", 'high'],
    ["they call it the hallway tax, everyone under 8th grade pays", 'high'],
    ["ta men yao wo jiao bao hu fei mei zhou", 'high'],
  ])
})

describe('harassment, touching and grooming by peers and adults (high)', () => {
  expectLevels([
    ["体育老师帮我压腿的时候手一直往不该摸的地方放", 'high'],
    ["那个男生总趁排队的时候手不老实", 'high'],
    ["后桌男生老是弹我肩带 还和他朋友笑", 'high'],
    ["几个男生在厕所扒了他的裤子", 'high'],
    ["补课老师叫她媳妇 还说她比同龄人成熟", 'high'],
    ["他在班上讲荤段子 专门说给我听 还评论我的胸", 'high'],
    ["男生们玩猴子偷桃 专门找那个瘦小的男生", 'high'],
    ["a boy in 7th grade keeps pulling my skirt up at recess", 'high'],
    ["some boys pulled his pants down in front of the whole gym class", 'high'],
    ["the bus driver sits too close and rubs her shoulders", 'high'],
    ["an older guy at the skatepark messages my son late at night and asks him to delete our chats", 'high'],
    ["there's a man who follows me from the station most afternoons", 'high'],
    ["he keeps making comments about my butt in spanish class", 'high'],
    ["the coach made them strip for a 'team bonding' thing", 'high'],
  ])
})

describe('a child too afraid to come to school (high)', () => {
  expectLevels([
    ["孩子一到上学就肚子疼 周末就好了 问他是不是有人欺负他也不说", 'high'],
    ["我每天早上都假装生病 因为不想看到他们", 'high'],
    ["女儿这两周哭着不去学校 闹着要转学", 'high'],
    ["他下课不敢出教室 厕所都憋着", 'high'],
    ["我再也不想去学校了 他们说明天还要找我", 'high'],
    ["我唔想返学 佢哋日日都喺门口等我", 'high'],
    ["I fake being sick every monday so I dont have to go to school", 'high'],
    ["my son gets a stomachache every morning and begs to stay home", 'high'],
    ["she hides in the library every lunch because of those girls", 'high'],
    ["he has been begging to switch schools since the thing with those boys", 'high'],
  ])
})

describe('name-calling and slurs that keep going (medium)', () => {
  expectLevels([
    ["他们天天叫那个男生“小偷”", 'medium'],
    ["班上几个人一直喊我猴子", 'medium'],
    ["他们老是说我像头猪 每次我吃饭都这么说", 'medium'],
    ["她们天天骂她绿茶婊", 'medium'],
    ["他们一直说他是同性恋 还叫他死gay", 'medium'],
    ["後面那幾個人成日叫我死肥仔", 'medium'],
    ["they keep calling him a fob in the hallway", 'medium'],
    ["every day at lunch someone yells chink at my friend", 'medium'],
    ["kids on the bus call her pizza face every morning", 'medium'],
    ["they always do the slant eyes thing when I walk by", 'medium'],
    ["ta men mei tian jiao wo ruo zhi", 'medium'],
  ])
})

describe('mocking and imitating: voices, walks, accents, animal sounds (medium)', () => {
  expectLevels([
    ["他们模仿我结巴的样子 还一起笑我", 'medium'],
    ["男生们学她跛脚走路", 'medium'],
    ["她一走过去他们就捂鼻子", 'medium'],
    ["他们拿我开涮 我说什么都学一遍", 'medium'],
    ["每次我回答问题后面就有人学猴子叫", 'medium'],
    ["they make monkey noises whenever he walks past", 'medium'],
    ["she copies everything i say in a baby voice", 'medium'],
    ["they laugh at my clothes every single day", 'medium'],
  ])
})

describe('exclusion and silent treatment, online and off (medium)', () => {
  expectLevels([
    ["全班都当我是空气 说话没人回", 'medium'],
    ["她们约好跟我绝交 谁跟我说话就不理谁", 'medium'],
    ["午饭的时候她们都换座位避开我", 'medium'],
    ["我一进群他们就都退群了", 'medium'],
    ["他们不让我和他们一起坐 说我身上有味道", 'medium'],
    ["冇人理我 成个班都唔同我讲嘢", 'medium'],
    ["recess people ignore我 and 走开", 'medium'],
    ["her whole friend group froze her out after the party", 'medium'],
    ["they give me the silent treatment and turn their backs when i sit down", 'medium'],
    ["no one in my class talks to me anymore", 'medium'],
    ["they made a new group chat without me and talk about me in it", 'medium'],
    ["they all put their bags on the chairs so she cant sit", 'medium'],
  ])
})

describe('online bullying: polls, fake accounts, confession walls, screenshots (medium)', () => {
  expectLevels([
    ["班群里有人发起投票选全班最丑的人", 'medium'],
    ["有人在表白墙上挂我 说我装", 'medium'],
    ["有人用马甲号在评论区骂我", 'medium'],
    ["他们把我的聊天记录发到年级群里", 'medium'],
    ["they made a poll on who is the most hated person in our grade", 'medium'],
    ["someone made a fake tiktok with my name and posts cringe stuff", 'medium'],
    ["they spam my dms with clown emojis every night", 'medium'],
    ["someone sends me anonymous messages on ngl saying nobody likes me", 'medium'],
  ])
})

describe('belongings hidden, soaked, thrown or broken; pushing and tripping (medium)', () => {
  expectLevels([
    ["我的文具盒又被藏了 最后在垃圾桶里找到", 'medium'],
    ["我的作业本被同桌撕了", 'medium'],
    ["他们把我的鞋扔到房顶上", 'medium'],
    ["宿舍有人往我床上倒水", 'medium'],
    ["我的水杯被人吐了口水", 'medium'],
    ["我嘅波鞋又俾人收埋咗", 'medium'],
    ["they hid my backpack in the girls bathroom again", 'medium'],
    ["someone keeps putting my gym clothes in the toilet", 'medium'],
    ["they threw her shoes up a tree after school", 'medium'],
    ["他每天在楼梯上从后面推我一下", 'medium'],
    ["他下课老是用胳膊肘撞我", 'medium'],
    ["他说是不小心的 但天天都用肩膀撞我", 'medium'],
    ["a kid keeps stepping on my heels in line", 'medium'],
    ["they push him around in the hallway between classes", 'medium'],
    ["they shoulder bump me every day on purpose", 'medium'],
  ])
})

describe('look-alikes that must stay low: bins, pork, a lent comic, a teacher\'s joke, bullying that is over', () => {
  expectLevels([
    ["建议每层楼多放几个垃圾桶 每次都要走好远", 'low'],
    ["食堂的猪肉总是不太熟", 'low'],
    ["同学借了我一本漫画书还没还 想要回来", 'low'],
    ["老师讲了个笑话 全班都笑了", 'low'],
    ["初中的时候被孤立过 现在交到很好的朋友了 谢谢当时帮我的老师", 'low'],
    ["他说我抄他作业 其实没有 吵了两句就好了", 'low'],
    ["我们班今天换座位了 我坐到了窗边", 'low'],
    ["今天下雨 我的鞋都湿了", 'low'],
    ["我的作业本忘在家里了", 'low'],
    ["我想转学去国际学校 可以开证明吗", 'low'],
    ["we switched seats in math today and im next to my best friend", 'low'],
    ["my mom took my phone because of my grades lol", 'low'],
    ["we made a new group chat for the science project", 'low'],
    ["can someone tell me what the dress code is, what are we supposed to wear to prom", 'low'],
    ["i owe her a birthday present, any ideas", 'low'],
    ["it was freezing out there at recess", 'low'],
    ["i tripped up the stairs and dropped my books lol", 'low'],
    ["the pe teacher makes us take off our shoes in the gym", 'low'],
  ])
})
