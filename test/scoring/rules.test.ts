import { describe } from 'vitest'
import { expectLevels } from './expect-levels'

/** [tip, expected level] — each rule of the rubric, in Chinese and in English, in both directions. */

describe('the most severe sign wins', () => {
  expectLevels([
    ['班上几个人老给我起外号 上课传纸条笑我 还有后排那个男生书包里一直放着一把弹簧刀', 'critical'],
    ['They keep calling me names in the hallway and one of them showed me a knife in his backpack', 'critical'],
  ])
})

describe('self-harm', () => {
  expectLevels([
    ['我不想活了', 'high'],
    ['感觉活着没意思 想紫砂', 'high'],
    ['好想自鲨啊', 'high'],
    ['i want to die', 'high'],
    ['sometimes i think everyone would be better off without me', 'high'],
    ['最近开始用刀片划手臂', 'high'],
    ['i cut myself again last night', 'high'],
    ['我已经想好了 今晚就自杀', 'critical'],
    ['药都攒好了 今晚吃', 'critical'],
    ['im going to kms tonight, i have the pills ready', 'critical'],
    ['he wrote a suicide note', 'critical'],
  ])
})

describe('indirect suicide signs: goodbyes and giving things away', () => {
  expectLevels([
    ['她在群里说以后不会再麻烦大家了 还把书都送人了', 'critical'],
    ['他把攒的钱都转给了室友 还说以后就拜托你们了', 'critical'],
    ['gave away all my stuff today. this is the last thing im posting', 'critical'],
    ['my son texted sorry for everything and now he isnt answering', 'critical'],
  ])
})

describe('third-party reports count as much as one’s own', () => {
  expectLevels([
    ['my friend said she wants to die', 'high'],
    ['my friend said she wants to die and she has been saving her moms pills', 'critical'],
    ['我同学说她想死', 'high'],
    ['我同学说她想死 还问我安眠药吃多少片才会死', 'critical'],
  ])
})

describe('weapons and threats', () => {
  expectLevels([
    ['初二有个人书包里藏了一把折叠刀', 'critical'],
    ['he said hes bringing a gun to school', 'critical'],
    ['他说明天放学带🔪来堵我', 'critical'],
    ['他说再告老师就弄死我', 'high'],
    ['he said hed kill me if i told anyone', 'high'],
    ['他说明天放学要打我', 'critical'],
    ['they said they will beat me up after school tomorrow', 'critical'],
    ['overheard him say hes gonna shoot up the school', 'critical'],
  ])
})

describe('negation and distance do not raise a level on their own', () => {
  expectLevels([
    ['他没带刀', 'low'],
    ['he did NOT bring a knife, it was a rumor', 'low'],
    ['我不会自杀的 放心', 'low'],
    ["i'm not going to hurt anyone", 'low'],
    ['他没带刀，只是说下次见到我就打断我的腿', 'high'],
  ])
})

describe('jokes and hyperbole', () => {
  expectLevels([
    ['笑死我了', 'low'],
    ['今天跑800米 累死了', 'low'],
    ['this homework is killing me', 'low'],
    ["I'm dead 😂", 'low'],
    ['明天考数学 kms😂😂', 'low'],
    ['物理作业多到我想原地去世 哈哈', 'low'],
    ['i want to die lol jk', 'low'],
    ['i want to die lol. not joking', 'high'],
  ])
})

describe('cooking, games, sport and films', () => {
  expectLevels([
    ['劳动课切菜用了菜刀', 'low'],
    ['我们在吃鸡里把他杀了', 'low'],
    ['打游戏的时候他老喊我要杀了你', 'low'],
    ['we used knives in cooking class today', 'low'],
    ['killed him so many times in fortnite', 'low'],
    ['he shot a three pointer at the buzzer', 'low'],
  ])
})

describe('things that are over', () => {
  expectLevels([
    ['上学期的事，已经解决了', 'low'],
    ['去年被他们骂过 现在他们都毕业了 没事了', 'low'],
    ['we argued yesterday but we are cool now', 'low'],
    ['以前被打过 已经解决了 但是现在又开始了 他们天天打我', 'high'],
  ])
})

describe('imminence raises a level', () => {
  expectLevels([
    ['他说要找人打我', 'high'],
    ['他说今晚要找人打我', 'critical'],
    ['he threatened to hurt me', 'high'],
    ['he threatened to hurt me tomorrow', 'critical'],
    ['上周五他说要打我', 'high'],
  ])
})

describe('happening now', () => {
  expectLevels([
    ['昨天在宿舍被打了', 'high'],
    ['三楼男厕 现在有人在被打 快来人', 'critical'],
    ['theres a fight in the locker room right now and hes bleeding', 'critical'],
    ['he punched me last week', 'high'],
    ['门被锁了 小宇还在里面 喊了半天没人开', 'critical'],
  ])
})

describe('repetition raises a level', () => {
  expectLevels([
    ['他骂了我一句', 'low'],
    ['他天天骂我', 'medium'],
    ['some kid called me stupid once', 'low'],
    ['kids call me smelly every single day', 'medium'],
  ])
})

describe('bullying without violence is medium', () => {
  expectLevels([
    ['她们建了一个没有我的群', 'medium'],
    ['我的水杯被人藏起来了', 'medium'],
    ['排队的时候有人推我', 'medium'],
    ['班群里有人一直发我的外号', 'medium'],
    ['someone keeps hiding my backpack', 'medium'],
    ['a fake account is posting rumors about her', 'medium'],
  ])
})

describe('sexual harassment, extortion and humiliation are high', () => {
  expectLevels([
    ['课间有个男生摸我屁股', 'high'],
    ['初三的人在厕所门口收保护费', 'high'],
    ['they took my lunch money', 'high'],
    ['他们把我的丑照做成表情包在年级群里传', 'high'],
    ['someone airdropped a video of me changing', 'high'],
    ['孩子现在不敢去学校了', 'high'],
  ])
})

describe('hazards', () => {
  expectLevels([
    ['三楼女厕所的灯坏了', 'low'],
    ['the light in the stairwell is out', 'low'],
    ['走廊天花板掉下一根电线还在冒火花', 'critical'],
    ['现在有个学生坐在天台边上 劝不下来', 'critical'],
  ])
})

describe('vague, test and spam tips', () => {
  expectLevels([
    ['测试测试', 'low'],
    ['你好，在吗', 'low'],
    ['asdfghjkl', 'low'],
    ['WIN A FREE IPHONE!!! click here', 'low'],
  ])
})

describe('accidents cancel pushes, scuffles and breakages, not violence', () => {
  expectLevels([
    ['打饭的时候有人推了我一下 他也是被后面的人挤的', 'low'],
    ['排队的时候有人推我', 'medium'],
    ['someone knocked my tray over by accident', 'low'],
    ['他不小心撞到我 然后就拿刀捅我', 'critical'],
  ])
})

describe('a sign the tip says is over raises nothing', () => {
  expectLevels([
    ['说他带刀是误会 但是他说要找人打我', 'high'],
    ['他带刀来学校了 还说要找人打我', 'critical'],
  ])
})

describe('masks hide gapped terms that start inside an everyday word', () => {
  expectLevels([
    ['上课打瞌睡被老师点名 头好晕', 'low'],
  ])
})

describe('what a gapped term steps over is no part of it', () => {
  expectLevels([
    // "欺负~打" spans the second clause; its "没" still negates "打我".
    ['我没被欺负 也没人打我', 'low'],
    ['我被欺负 也有人打我', 'high'],
    // In the gap of "被~关在": the repetition still says this keeps happening (high, not critical)…
    ['他被人天天关在厕所里', 'high'],
    // …and "在拍门", reaching into the gap of "里面有个小孩~拍门", still says it is happening now.
    ['杂物间里面有个小孩一直在拍门喊救命', 'critical'],
    ['他们老是把他关在杂物间里', 'high'],
  ])
})

describe('on purpose beats the excuse', () => {
  expectLevels([
    ['打篮球的时候他老是故意撞我', 'medium'],
    ['打篮球的时候他撞到我了', 'low'],
    ['they trip him every practice and pretend its an accident', 'medium'],
  ])
})

describe('what keeps happening is not happening now', () => {
  expectLevels([
    ['他们把小宇关在厕所隔间里了 出不来', 'critical'],
    ['班里几个同学老把他关在厕所隔间里 等上课了才放他出来', 'high'],
    // "一直在敲门" is how long it has gone on, not how often: locked in now is still critical.
    ['储物间的门从外面锁了 里面有人一直在敲门喊救命', 'critical'],
    ['宿舍有人把一个女生反锁在里面 她一直在哭 快一个小时了', 'critical'],
    ['they keep locking him in the storage closet at lunch', 'high'],
  ])
})

describe('an attempt under way is critical, a wish is not', () => {
  expectLevels([
    ['i think my friend overdosed in the bathroom, shes not waking up', 'critical'],
    ['Nurse: a student says she swallowed a bunch of pills before first period', 'critical'],
    ['宿舍有人割腕了 血流得好多', 'critical'],
    ['室友站在窗户边 说谁过来她就跳', 'critical'],
    ['最近总想到死 但是我不会去做的', 'high'],
    ['i keep thinking about death but i dont have a plan', 'high'],
    ['最近总是想die 但我没有什么plan', 'high'],
    ['my friends said theyre gonna jump in the pool after the game', 'low'],
  ])
})

describe('touching that is happening now is critical', () => {
  expectLevels([
    ['楼梯间有个男的一直在摸那个女生 她在哭 就是现在', 'critical'],
    ['a grown man on bus 12 is touching her leg right now', 'critical'],
    // "Now" anywhere in the tip: a parent writes the place and "right now" as an afterthought.
    ['my daughter called from the trip bus, a grown man next to her keeps touching her leg. bus 12 right now', 'critical'],
    ['他们在车棚那边打一个同学。现在！快来', 'critical'],
    ['那个男生上周在公交上摸我', 'high'],
    ['the coach keeps texting me late at night and asked me to come to his office alone', 'high'],
  ])
})

describe('what repeats on a weekday is not imminent', () => {
  expectLevels([
    ['每周一都要交20块 不交就说要收拾我', 'high'],
    ['他说周一放学要收拾我', 'critical'],
  ])
})

describe('a negation denies a time only right beside it', () => {
  expectLevels([
    ['i wrote everyone letters. i wont be at school tomorrow or any day after', 'critical'],
    ['the guy from the game says if i dont send a video tonight hes posting my photos', 'critical'],
    ['the fight is tonight', 'high'],
    ['the fight is not tonight, they moved it', 'medium'],
  ])
})

describe('a negation stops at a full stop', () => {
  expectLevels([
    ["Her mom says she isn't home. Last seen near the Elm St stop.", 'critical'],
    ['He did not bring a knife.', 'low'],
  ])
})

describe('locked in somewhere, said any way', () => {
  expectLevels([
    ['有人把二年级的小明锁在体育器材室里了 我听见他在里面哭', 'critical'],
    ["someone locked a 6th grader in the equipment cage and took the key, he's been stuck in there since 4th period", 'critical'],
  ])
})

describe('a tip that says the danger was not real', () => {
  expectLevels([
    ['ppl said someone had a gun in the library but it was a nerf gun for the play. teacher confirmed', 'low'],
    ['"我好想你 想到快要死掉" 今天广播站放的歌 求歌名', 'low'],
    ['Woodshop: students keep leaving the carving knives on the benches. Not an emergency, just flagging.', 'low'],
    ['his airsoft gun looks real and its in his backpack rn, he said hes gonna scare the girls today', 'critical'],
  ])
})

describe('a call for help', () => {
  expectLevels([
    ['救命 在器材室 出不去', 'critical'],
    ['Please help. The big boys are hitting my friend with a belt in room 214', 'critical'],
    ['救命', 'high'],
    ['救命啊作业太多了 哈哈', 'low'],
  ])
})

describe('bleeding now raises self-harm; found safe cancels a missing child', () => {
  expectLevels([
    ['她晚上躲在被子里用刀片划自己 已经好几次了', 'high'],
    ['有人在厕所割手 现在还在流血 快来人', 'critical'],
    ['孩子放学没回家 电话也打不通 刚才已经找到了 手机没电了', 'low'],
  ])
})

describe('a time that has passed does not make a threat imminent, unless the danger is still live', () => {
  expectLevels([
    ['上周五放学在车棚被三个初三的打了，他们说再告状就接着打', 'high'],
    ['昨晚熄灯后几个男生把他按在床上用拖鞋抽', 'high'],
    ['last week he said he would beat my son after school', 'high'],
    ['he said he would beat my son after school', 'critical'],
    ['他说放学后要打我', 'critical'],
    ['上周他说明天放学要打我', 'critical'],
    ['上周他打了我，他说放学后还要打我', 'critical'],
    ['last week he punched me, and he said he will beat me up after school', 'critical'],
    ['yesterday he told me he is going to kill me tomorrow', 'critical'],
    ['昨晚他跟我说床底下那瓶农药是给自己准备的 期末考完就喝', 'critical'],
    ['上周他们把我锁在厕所里', 'high'],
    ['他们把我锁在厕所里了', 'critical'],
    ['昨天他被锁在器材室里 现在还在里面', 'critical'],
  ])
})

describe('a writer who says they mean it is not talking about a game or a film', () => {
  expectLevels([
    ['不是开玩笑，他在游戏群里说明天要带刀来学校', 'critical'],
    ['在游戏里他说要带刀来砍我 哈哈', 'low'],
    ["Not joking. He told the game chat he's bringing a machete to Saturday's football match.", 'critical'],
    ["we were playing fortnite and he said he's bringing a knife lol", 'low'],
    ['家政课包饺子 老师让我们用菜刀剁馅 有人说这样危险 是真的吗', 'low'],
  ])
})

describe('a sign aimed at a person is no game or cooking', () => {
  expectLevels([
    ['烹饪课上他拿菜刀指着我说要砍死我', 'critical'],
    ['烹饪课上他拿菜刀切土豆', 'low'],
    ['in cooking class he pointed the knife at me', 'critical'],
    ['in cooking class he used the knife to chop onions', 'low'],
  ])
})

describe('an injury from sport or an accident is no assault, unless it is serious harm happening now', () => {
  expectLevels([
    ['bruising from football practice', 'low'],
    ['he has bruising all over his arms', 'high'],
    ['他打篮球的时候不小心摔伤了', 'low'],
    ['他腿上有伤', 'high'],
    ['he fell by accident and is bleeding a lot right now', 'critical'],
    ['他打篮球的时候不小心摔伤了 现在一直在流血', 'critical'],
  ])
})

describe('a denial is scoped: a denied plan keeps a wish a wish, a denied act is still an allegation', () => {
  expectLevels([
    ['我有时候站在阳台上会想，跳下去是不是就解脱了，不过我没打算真的做', 'high'],
    ['我有时候站在阳台上会想跳下去', 'critical'],
    ['我不想活了 但是我没打算做什么', 'high'],
    ['我不想活了 今晚就吃药', 'critical'],
    ['she wrote that nobody would notice if she died. Denies a plan when asked.', 'high'],
    ['she wrote that nobody would notice if she died and she has the pills', 'critical'],
    ["I don't want to be alive anymore but I'm not going to do anything", 'high'],
    ['he denies hitting her', 'high'],
    ['他否认打了她', 'high'],
  ])
})

describe('a denial of one’s own state clears it, a denial of an act against someone does not', () => {
  expectLevels([
    ['Student denies suicidal ideation', 'low'],
    ['Student says she wants to die', 'high'],
    ['he denies having a knife but two students saw it in his bag', 'critical'],
    ['数学老师记录：该生作业本上写满了“去死”，本人否认想轻生，但情绪低落', 'high'],
  ])
})

describe('a report checked and found harmless is over', () => {
  expectLevels([
    ['Someone said Jake brought a gun. I asked him, it was a water gun for the spring fair.', 'low'],
    ['Someone said Jake brought a gun to school.', 'critical'],
    ['The rumour about someone bringing a knife was about a magic trick for the talent show. Admin checked it.', 'low'],
    ['有人说他带了枪来学校，其实是水枪', 'low'],
    ['有人说他带了枪来学校', 'critical'],
    ['I used to get called names but that was two years ago and those kids moved schools.', 'low'],
    ['上学期我被孤立过，现在换了班，大家对我挺好的', 'low'],
    ['我一直被孤立', 'medium'],
    ['之前说他带了刀，是我看错了。那条举报我撤回。', 'low'],
  ])
})
