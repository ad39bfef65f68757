import { describe } from 'vitest'
import { expectLevels } from './expect-levels'

/**
 * Vocabulary families of the lexicon: for each, sentences the fixtures never saw, in Chinese and English, and
 * the everyday sentences the family's words must not fire on. [tip, expected level]
 */
describe('assault on ears, hair, face; pushed down stairs; stepped on', () => {
  expectLevels([
    ['高年级的男生每次都拧我耳朵 拧得我眼泪都出来了', 'high'],
    ['他们把我从楼梯上推下去 我脚扭伤了', 'high'],
    ['two older kids held my brother’s head against the bus window', 'high'],
    ['he twisted my arm behind my back until i screamed', 'high'],
    ['同桌上课打哈欠 头磕到桌子上了 大家都笑了', 'low'],
    ['图书馆那扇窗户关不上 风很大', 'low'],
    ['热水器的水太烫了 希望调一下', 'low'],
  ])
})

describe('minor physical: throwing things, kicking chairs and bags', () => {
  expectLevels([
    ['天天有人往我身上扔粉笔头 还用纸团砸我', 'medium'],
    ['someone keeps kicking my chair in math and throwing paper balls at me every class', 'medium'],
    ['妈妈用锤子砸核桃给我们吃', 'low'],
  ])
})

describe('confinement and being locked out', () => {
  expectLevels([
    ['我妹妹刚打电话说被几个女生关在器材室里 门从外面锁了', 'critical'],
    ['they locked a fifth grader in the storage closet and walked off, he is still in there', 'critical'],
    ['他最近老把自己关在房间里 不愿意出来吃饭', 'low'],
  ])
})

describe('missing child, kindergarten pickup, abduction', () => {
  expectLevels([
    ['幼儿园老师说孩子被一个陌生人接走了 我们家没人去接 求助', 'critical'],
    ['My son never got off the bus this afternoon and nobody at the office can find him', 'critical'],
    ['我的水杯找不到了 可能落在操场了', 'low'],
  ])
})

describe('farewell: goodbye posts, giving things away, last letters', () => {
  expectLevels([
    ['他把手办和球鞋全部送给了室友 还在朋友圈写了江湖再见', 'critical'],
    ['my friend posted "by the time you read this i will be gone" and gave me his passwords', 'critical'],
    ['我奶奶已经不在了 今天是她生日 有点想她', 'low'],
    ['我把旧书都送给学弟了 毕业快乐', 'low'],
  ])
})

describe('wish to die: burden, never born, not waking up', () => {
  expectLevels([
    ['我觉得我就是家里的累赘 没有我会更轻松', 'high'],
    ['she keeps saying she wishes she was never born and wants to stop existing', 'high'],
    ['这周末我们去见奶奶 顺便去天坛玩', 'low'],
    ['i did not wake up on time and missed the bus', 'low'],
  ])
})

describe('self-harm slang and marks', () => {
  expectLevels([
    ['她说她又relapse了 手腕上好多新伤旧伤', 'high'],
    ['my friend relapsed and has fresh cuts on her thighs', 'high'],
    ['我手上那个疤是小时候摔的 早就好了 哈哈', 'low'],
  ])
})

describe('stockpiled means and a date', () => {
  expectLevels([
    ['他抽屉里藏了好多安眠药 说是给自己准备的 考完试就吃', 'critical'],
    ['she has been stashing her mom’s pills and says she will take them after finals', 'critical'],
    ['我妈给自己准备的午饭忘带了', 'low'],
  ])
})

describe('extortion: game accounts, skins, top-ups, red packets, errands', () => {
  expectLevels([
    ['几个初三的逼我把王者账号密码交出来 还让我每周帮他们充点券', 'high'],
    ['older kids make me buy them robux every week or they take my phone', 'high'],
    ['宿舍老大天天使唤我们 逼着给他们洗袜子', 'high'],
    ['老师让我们把作业交出来 明天检查', 'low'],
    ['the coach made us carry the cones back to the shed', 'low'],
    ['I forgot my password for the school portal again', 'low'],
  ])
})

describe('sextortion, grooming by adults, dating violence', () => {
  expectLevels([
    ['网上认识的一个叔叔说我不发照片就把聊天记录发给我爸妈', 'high'],
    ['a grown man on roblox keeps asking to meet in person and says it is our little secret', 'high'],
    ['she says her boyfriend choked her at the party and checks her phone every night', 'high'],
    ['奶奶过年给我发红包 我存起来了', 'low'],
    ['my mom drives me home after practice on fridays', 'low'],
  ])
})

describe('doxxing and online threats', () => {
  expectLevels([
    ['有人在贴吧把我家的地址和电话号码都发出来了 说要来我家', 'high'],
    ['someone doxxed me in the discord and said they know where i live', 'high'],
    ['班主任在群里发了家长会的地址 让大家准时到', 'low'],
  ])
})

describe('cyber: polls, vague-posting, mass reporting', () => {
  expectLevels([
    ['有人在年级群发起投票选最丑的女生 还@了我', 'medium'],
    ['they made a poll on their story about who has the ugliest shoes in our grade and everyone voted me', 'medium'],
    ['班长发起投票选春游去哪里', 'low'],
  ])
})

describe('mocking: booing, laughing at a stutter, family insults', () => {
  expectLevels([
    ['我一上台发言 下面就有人集体嘘我 每次都这样', 'medium'],
    ['they make me say tongue twisters because of my stutter and everyone laughs every lunch', 'medium'],
    ['他们天天说我没爹 是野孩子', 'medium'],
    ['这次演讲比赛我没人要求我准备稿子', 'low'],
  ])
})

describe('rumors and exclusion', () => {
  expectLevels([
    ['全班都在议论我 说我偷了班费 根本没这回事', 'medium'],
    ['every time i walk into the dorm they go quiet and whisper about me, every single day', 'medium'],
    ['班里分蛋糕的时候就跳过我 说没我的份', 'medium'],
    ['除了我妈 没人知道我喜欢画画', 'low'],
  ])
})

describe('belongings damaged or dumped', () => {
  expectLevels([
    ['有人用涂改液把我的课本画花了 这个月第三次了', 'medium'],
    ['someone keeps dumping my pencil case on the floor and unzipping my bag when i leave', 'medium'],
    ['our team destroyed them in the final, what a game', 'low'],
  ])
})

describe('hazards with a person in danger now; medical emergencies', () => {
  expectLevels([
    ['操场边有个男生倒在地上口吐白沫 一直在抽搐', 'critical'],
    ['a first grader climbed onto the shed roof and is standing on the edge, please hurry', 'critical'],
    ['食堂开水房的水龙头有点漏 希望修一下', 'low'],
  ])
})

describe('weapons: sprays, acid, home-made, other blades', () => {
  expectLevels([
    ['他说明天带辣椒喷雾和开山刀来找我们算账', 'critical'],
    ['he showed me a hatchet in his locker and said monday', 'critical'],
    ['化学课做硫酸铜实验 老师让我们戴手套', 'low'],
    ['量体温的时候体温枪坏了 老师又换了一个', 'low'],
    ['we used acid and base in the lab today, it was fun', 'low'],
    ['he said he will throw acid on her face tomorrow', 'critical'],
  ])
})

describe('things that are over, jokes and stories', () => {
  expectLevels([
    ['我之前在群里说不想活了是气话 大家别担心 我好得很', 'low'],
    ['看了个恐怖片 里面那人拿斧头砍门 吓得我睡不着', 'low'],
    ['my cousin yells "i will kill you" at me during mario kart, its funny', 'low'],
  ])
})

describe('drowning: held under water, kids in the pool', () => {
  expectLevels([
    ['游泳课上有个男生被人按进水里不放 现在还在挣扎 快来人', 'critical'],
    ['some boys are holding a kid underwater in the deep end right now', 'critical'],
    ['学校今天开了防溺水安全教育班会', 'low'],
    ['i am drowning in homework this week lol', 'low'],
  ])
})

describe('a person past the railing or on a ledge', () => {
  expectLevels([
    ['教学楼五楼有个女生坐在窗台外面 脚悬空 一直在哭', 'critical'],
    ['a boy climbed over the railing on the parking garage roof and is sitting on the ledge', 'critical'],
    ['天台的栏杆有点生锈 建议刷漆', 'low'],
    ['we sat on the bench by the fountain and ate lunch', 'low'],
  ])
})

describe('a child left in a locked bus or car', () => {
  expectLevels([
    ['幼儿园接送车停进车库了 有个小孩还留在车里 车里很闷热', 'critical'],
    ['the van driver just realised a kid is still on the bus in the lot and its really hot', 'critical'],
    ['我的伞落在校车上了 明天去拿', 'low'],
    ['i left my phone on the bus', 'low'],
  ])
})

describe('downed or live power lines where children pass', () => {
  expectLevels([
    ['操场边的电线断了掉在地上 还在冒火花 小学生在旁边跑', 'critical'],
    ['there is a live wire hanging off the pole by the gym door and kids are walking under it', 'critical'],
    ['教室投影仪的插头有点松 希望换一个', 'low'],
    ['my earphone wire stopped working', 'low'],
  ])
})

describe('left home but never reached school', () => {
  expectLevels([
    ['我儿子早上出门上学 学校说他今天没到校 电话也打不通', 'critical'],
    ['my daughter left for school this morning and never made it to school, her phone is off', 'critical'],
    ['老师今天请假没到校 我们上了自习', 'low'],
    ['i never made it to the bus stop on time this week haha', 'low'],
  ])
})

describe('stockpiled pills, lethal-dose searches, a date', () => {
  expectLevels([
    ['她说她偷偷攒了一抽屉的安眠药 等期末考完那天就全吃了', 'critical'],
    ['he told me he has been saving up pills and looked up the lethal dose, says after exams', 'critical'],
    ['我攒了好久的零花钱买了一双球鞋', 'low'],
    ['i have been saving up for a new bike', 'low'],
  ])
})

describe('charcoal and tape with an empty house', () => {
  expectLevels([
    ['他在网上买好了木炭和胶带 说这周末家里没人', 'critical'],
    ['she bought charcoal and tape and said nobody will be home this weekend', 'critical'],
    ['周末烧烤我们买了炭和鸡翅', 'low'],
    ['we bought charcoal for the bbq this weekend', 'low'],
  ])
})

describe("farewell: favourite things given away, 'would you cry if I…'", () => {
  expectLevels([
    ['我同桌把她最喜欢的吉他送给我了 还说如果我不在了你会哭吗', 'critical'],
    ['my brother gave away his favorite hoodie and asked would you cry if i was gone', 'critical'],
    ['毕业了我把旧课本送给了学妹', 'low'],
    ['would you cry if the movie ended sad lol', 'low'],
  ])
})

describe('wish to die: joining the dead in another world', () => {
  expectLevels([
    ['她最近总说想去另一个世界找她爸爸 那边没有烦恼', 'high'],
    ['he keeps saying he wants to be with his grandma in heaven and that nothing here matters', 'high'],
    ['这本小说讲的是主角穿越到另一个世界', 'low'],
    ['this weekend i am going to be with my grandma at the lake', 'low'],
  ])
})

describe('wish to die: a burden the family would be better off without', () => {
  expectLevels([
    ['我就是个拖累 没了我爸妈能轻松很多', 'high'],
    ['i am such a burden, my parents would save money without me', 'high'],
    ['这次旅行行李太多 拖累了行程', 'low'],
    ['the heavy backpack is a burden on my back lol', 'low'],
  ])
})

describe('chokeholds and blacking out', () => {
  expectLevels([
    ['课间他从背后锁我喉 我差点喘不过气', 'high'],
    ['a senior put me in a headlock until i almost blacked out', 'high'],
    ['老师说这个运动员锁定了冠军', 'low'],
    ['the lock on my locker is stuck again', 'low'],
  ])
})

describe('smothering with a pillow', () => {
  expectLevels([
    ['晚上他们用枕头捂住我的脸 我拼命挣了好久', 'high'],
    ['they held a pillow over my face in the cabin until i kicked free', 'high'],
    ['她捂着脸哭了一节课', 'low'],
    ['i hugged my pillow and fell asleep', 'low'],
  ])
})

describe('heads pushed into toilets', () => {
  expectLevels([
    ['他们把那个新生的头按进马桶里 还拍了照', 'high'],
    ['they gave him a swirly in the bathroom and flushed', 'high'],
    ['厕所的马桶堵了 水溢出来', 'low'],
    ['the sink in the boys bathroom is clogged again', 'low'],
  ])
})

describe('beating slang: 扁, getting jumped', () => {
  expectLevels([
    ['他们几个现在在操场后面扁一个初一的 快点来', 'critical'],
    ['a group of kids got jumped behind the gym right now please send someone', 'critical'],
    ['这个盒子被压扁了', 'low'],
    ['we jumped rope in pe today', 'low'],
  ])
})

describe('Cantonese: 而家, 打紧, 俾钱', () => {
  expectLevels([
    ['而家有几个人喺厕所度打紧佢 快啲嚟', 'critical'],
    ['三个中三嘅逼佢俾零用钱出嚟 唔俾就打佢', 'high'],
    ['我而家喺图书馆温书', 'low'],
  ])
})

describe('threats to keep quiet: 混不下去, if you tell anyone', () => {
  expectLevels([
    ['他说我敢告诉老师 就让我在学校混不下去', 'high'],
    ['he said if you tell anyone you will regret it and he knows where i sit', 'high'],
    ['老师说混日子是不行的', 'low'],
    ['tell anyone who wants cookies to come to room 5', 'low'],
  ])
})

describe('weapons written in pinyin', () => {
  expectLevels([
    ['ta shuo mingtian dai ba dao lai xuexiao', 'critical'],
    ['wo mingtian ba shu dai dao xuexiao', 'low'],
  ])
})

describe('blunt weapons: bats, iron bars, pipes', () => {
  expectLevels([
    ['他们约好了放学拿铁棍去堵人', 'critical'],
    ['he has a bat in his trunk and says he is coming for marcus after school', 'critical'],
    ['体育课练棒球 老师让我们拿球棒排队', 'low'],
    ['our baseball team got new bats today', 'low'],
  ])
})

describe('extortion dressed up as loans', () => {
  expectLevels([
    ['宿舍那个老大每个月都找我拿一百块 说是借 从来没还过', 'high'],
    ['an eighth grader borrows money from me every day and never pays me back, he says i owe him', 'high'],
    ['我借了同桌一支笔 他明天还', 'low'],
    ['i borrowed a pencil from my friend', 'low'],
  ])
})

describe('tolls and passage fees', () => {
  expectLevels([
    ['初三的在楼梯口收过路费 不交不让过', 'high'],
    ['some kids make the sixth graders pay a toll to use the bathroom', 'high'],
    ['the bullying took a toll on my sleep but it stopped after the teacher talked to them', 'low'],
  ])
})

describe('leaving the table when the target sits down', () => {
  expectLevels([
    ['我一坐下她们就全起身走了 天天这样', 'medium'],
    ['whenever i sit down at lunch they all got up and moved, every day', 'medium'],
    ['老师今天给我们换座位了', 'low'],
    ['we switched seats in science class today', 'low'],
  ])
})

describe('keeping someone out of games', () => {
  expectLevels([
    ['他们不让别人跟她玩 课间游戏也不带她', 'medium'],
    ['three girls keep keeping her out of recess games and tell everyone not to play with her', 'medium'],
    ['我们课间玩游戏 下课铃响了', 'low'],
  ])
})

describe('kicked out of group chats', () => {
  expectLevels([
    ['她们把我踢出群 又建了个没有我的新群', 'medium'],
    ['they kicked me out of the group chat and made a new one without me', 'medium'],
    ['他把球踢出去了 打到了窗户 没人受伤', 'low'],
  ])
})

describe('animal noises at a target', () => {
  expectLevels([
    ['我一进教室他们就学猪叫 天天这样', 'medium'],
    ['kids keep barking at her in the hallway every day', 'medium'],
    ['我家的狗一直叫 邻居有意见', 'low'],
  ])
})

describe('mocking an accent or way of talking', () => {
  expectLevels([
    ['他们笑我的口音 还学我说话 每节课都这样', 'medium'],
    ['they laugh at my accent and copy the way i talk every class', 'medium'],
    ['英语老师纠正我的口音 我进步很大', 'low'],
  ])
})

describe('valves pulled, tyres slashed, notebooks torn', () => {
  expectLevels([
    ['我的自行车气门芯又被人拔了 这个月第三次', 'medium'],
    ['someone ripped up my notebook and slashed my bike tires again', 'medium'],
    ['我的铅笔芯断了 借了同桌一支', 'low'],
  ])
})

describe('burner accounts reposting selfies with captions', () => {
  expectLevels([
    ['有人开小号骂我 还转发我的自拍 配文说我丑', 'medium'],
    ['someone made a burner account reposting my selfies with mean captions', 'medium'],
    ['化学课用酒精灯和bunsen burner做实验', 'low'],
  ])
})

describe('private pictures shared', () => {
  expectLevels([
    ['有人在群里传她的私密照', 'high'],
    ['someone is sharing private pics of a freshman girl in a group chat', 'high'],
  ])
})

describe('adults touching shoulders and commenting on bodies', () => {
  expectLevels([
    ['教练老是捏我肩膀 还评论我的身材 我很不舒服', 'high'],
    ['the tutor keeps massaging my shoulders and commenting on my body', 'high'],
    ['我给奶奶揉揉肩膀 她很开心', 'low'],
  ])
})

describe('hazards already fenced off, nobody hurt', () => {
  expectLevels([
    ['楼梯扶手松了 已经拉了警戒线 暂停使用 等维修', 'low'],
    ['the railing on the stairs is loose, its taped off now and nobody is hurt', 'low'],
  ])
})

describe('calling shotgun is not a weapon', () => {
  expectLevels([
    ['我们吵了一下谁坐副驾 后来和好了', 'low'],
    ['we fought over who gets to ride shotgun lol', 'low'],
  ])
})

describe('a flickering light is not a flick', () => {
  expectLevels([
    ['教室的灯一闪一闪的', 'low'],
    ['the light in room 12 keeps flickering', 'low'],
  ])
})

describe('stun guns and electric batons', () => {
  expectLevels([
    ['他在抽屉里藏了一根电棍 说下周要去找那个男生', 'critical'],
    ['a boy has a stun gun in his hoodie pocket and keeps zapping the lockers', 'critical'],
    ['物理课讲了静电 老师用静电球做实验', 'low'],
  ])
})

describe('a chosen place or day next to a wish to die', () => {
  expectLevels([
    ['他说不想活了 连地方都挑好了', 'critical'],
    ['she says she wants to die and already picked the day', 'critical'],
    ['班委已经选好了地方开联欢会', 'low'],
    ['we picked a date for the class party', 'low'],
  ])
})

describe('wish to die: sleeping forever, everyone happier if I disappeared', () => {
  expectLevels([
    ['她说想一觉睡过去 永远睡着就好了', 'high'],
    ['he told me he wants to fall asleep forever and that everyone would be happier if he disappeared', 'high'],
    ['周末我睡到中午才起来', 'low'],
    ['i slept forever last night after the tournament lol', 'low'],
  ])
})

describe('cutting with a blade is self-harm, not a weapon threat', () => {
  expectLevels([
    ['她晚上躲在被子里用刀片划自己 已经好几次了', 'high'],
    ['my roommate cuts herself with a razor in the shower', 'high'],
    ['我用刀片削铅笔 笔芯断了', 'low'],
  ])
})

describe('held down and beaten; a child taken by a stranger; a child in traffic', () => {
  expectLevels([
    ['车棚那边有个同学被几个人摁着打 现在还在打', 'critical'],
    ['两个小孩被陌生人带走了 老师找遍了学校都没有', 'critical'],
    ['a little kid ran into traffic outside the front gate and cars are not stopping', 'critical'],
    ['体育课老师教我们怎么按着节奏打拍子', 'low'],
    ['we stood in the middle of the gym for the class photo', 'low'],
  ])
})

describe('alone at home next to an overdose or a wish to die', () => {
  expectLevels([
    ['我弟刚发消息说他吞了一整瓶药 爸妈都不在 他自己一个人在家', 'critical'],
    ['my cousin says she wants to die and she is home alone tonight', 'critical'],
    ['今天我一个人在家 写完作业看了会书', 'low'],
    ['i was home alone so i made pasta', 'low'],
  ])
})

describe('robbery by searching pockets; grabbed by the collar into a wall', () => {
  expectLevels([
    ['高年级的在厕所搜我的身 把我口袋里的钱全拿走了', 'high'],
    ['two guys went through my pockets behind the gym and took my money', 'high'],
    ['the substitute grabbed him by the collar and slammed him against the wall', 'high'],
    ['我的外套口袋破了 钱掉了', 'low'],
    ['my mom went through the mail and found my report card', 'low'],
  ])
})

describe('strangers luring children', () => {
  expectLevels([
    ['有个不认识的人在校门口说带我去看小猫 让我上车', 'critical'],
    ['a strange man by the park keeps offering the little kids candy from his car', 'critical'],
    ['我表哥周末带我去看了电影', 'low'],
    ['my aunt drove me to practice on saturday', 'low'],
  ])
})

describe('pressure to send photos; edited photos printed and posted', () => {
  expectLevels([
    ['网上认识的一个哥哥一直让我传照片给他 不传就说我坏话', 'high'],
    ['some older guy keeps pressuring me to send pics on snap and gets mad when i say no', 'high'],
    ['他们把我的照片P成遗照 印出来贴在公告栏上', 'high'],
    ['someone photoshopped my face onto a pig and it is all over the grade chat', 'high'],
    ['毕业照印出来了 贴在公告栏上 大家都去看', 'low'],
    ['my grandma keeps asking me for pics of my new puppy', 'low'],
  ])
})

describe('hyperbole and safety wording that must stay low', () => {
  expectLevels([
    ['今日功课多到我想死 不过听日放假', 'low'],
    ['单杠的漆掉了 感觉迟早出事 建议重新刷一下', 'low'],
    ['the ceiling fan in room 3 wobbles but no one sits under it', 'low'],
    ['for the play i need fake blood and a cardboard sword', 'low'],
  ])
})

describe('Cantonese and Taiwan wording: 跳落去, 圍住打, 毛手毛腳', () => {
  expectLevels([
    ['佢話聽晚要由天台跳落去 叫我哋唔好搵佢', 'critical'],
    ['佢哋而家喺後樓梯圍住個中一仔打 快啲嚟', 'critical'],
    ['補習班那個老師一直對我毛手毛腳', 'high'],
    ['my friend said she is going to jump off the roof tonight, she told us not to look for her', 'critical'],
    ['聽日天台有show 我哋一齊去睇', 'low'],
    ['他做事毛毛躁躁的 老是忘带作业', 'low'],
  ])
})

describe('gun slang and someone collapsed and not responding', () => {
  expectLevels([
    ['he said he is bringing a strap to school friday to handle those guys', 'critical'],
    ['there is a kid collapsed in the locker room and he is not responding', 'critical'],
    ['操场上有个同学晕倒了 怎么叫都没反应', 'critical'],
    ['my best friend is not responding to my texts, she is probably asleep', 'low'],
    ['my backpack strap is too long so i tied a knot in it', 'low'],
  ])
})

describe('threats: 给你点颜色看看, teach a lesson; belongings thrown from a height', () => {
  expectLevels([
    ['那几个人说放学要给我点颜色看看 我不敢出校门', 'high'],
    ['he said he will teach me a lesson if i sit at his table again', 'high'],
    ['有人把我的书包从四楼扔下去了 书全摔坏了', 'medium'],
    ['they threw my backpack out the window of the bus again', 'medium'],
    ['这件衣服的颜色很好看', 'low'],
    ['the teacher taught us a lesson about fractions today', 'low'],
  ])
})

describe('absent from school: only a missing child when the child left home or cannot be reached', () => {
  expectLevels([
    ['班主任说那个男生今天没到校 家长电话一直打不通 问了同学也没人知道他去哪了', 'critical'],
    ['a custodian found a kid passed out in the stairwell and not responding', 'critical'],
    ['数学老师今天没到校 我们上了自习课', 'low'],
  ])
})

describe('suicide plans: ending it on a named day, the spot already picked, painless methods looked up, \'don\'t stop me\'', () => {
  expectLevels([
    ['im going to end it on sunday, already picked the spot by the river', 'critical'],
    ['我已经查好了吃多少片不会疼 今晚就去做 别拦我', 'critical'],
    ['my cousin texted that he is done with life and nobody can stop me tonight', 'critical'],
    ['we picked the spot for the class picnic on sunday', 'low'],
    ['我查好了去博物馆的路线 明天就去', 'low'],
  ])
})

describe('stockpiled medication: saving antidepressants or sleeping pills, 药攒起来', () => {
  expectLevels([
    ['she has been saving her sleeping pills for a month and says tonight is the night', 'critical'],
    ['他偷偷把抗抑郁药攒起来 说这周末就用', 'critical'],
    ['my mom keeps her sleeping pills in the kitchen cabinet', 'low'],
  ])
})

describe('last livestream or video with pills laid out', () => {
  expectLevels([
    ['朋友在快手发了最后一期视频 说以后不会再更新了 桌上摆了一堆药', 'critical'],
    ['he said this is his last livestream ever and showed a pile of pills on his desk', 'critical'],
    ['这是本学期最后一期校报 谢谢大家支持', 'low'],
  ])
})

describe('farewells: goodbyes said to everyone, treasured things given away, nothing keeping me here; everyday goodbyes stay low', () => {
  expectLevels([
    ['她把最喜欢的吉他送给了我 还说她已经跟大家都道过别了', 'critical'],
    ['he gave away his xbox, said his goodbyes to everyone and told me there is nothing keeping me here', 'critical'],
    ['毕业典礼上大家挥手道别 哭得稀里哗啦', 'low'],
    ['we said goodbye to everyone at the airport before the exchange trip', 'low'],
    ['we had a goodbye party for our teacher who is retiring', 'low'],
    ['there is nothing holding me back from joining the soccer team now', 'low'],
  ])
})

describe('live electricity in water; a person outside a railing or on a roof edge', () => {
  expectLevels([
    ['教学楼一楼的饮水机漏水 插座泡在水里还通着电 好几个小学生在那里玩水', 'critical'],
    ['there is an extension cord lying in a puddle in the gym and kids are walking through it', 'critical'],
    ['有个女生翻过护栏坐在楼顶边缘 一直在哭', 'critical'],
    ['宿舍的插座有点松 希望换一个', 'low'],
    ['we cleaned the water dispenser and wiped the power strip next to it', 'low'],
  ])
})

describe('groping happening now on transport; groping around in the dark stays low', () => {
  expectLevels([
    ['地铁上有个大叔正在摸一个初中女生的大腿 她不敢出声', 'critical'],
    ['a man on the train is groping a girl from our school right now', 'critical'],
    ['上个月在公交上有人摸我大腿 我现在坐车都很害怕', 'high'],
    ['the kids were groping around in the dark for the light switch during the power cut', 'low'],
  ])
})

describe('a child who left and never arrived, phone off or unreachable', () => {
  expectLevels([
    ['家长说孩子早上就出门了 但学校说他没到校 手机也打不通', 'critical'],
    ['my daughter left for school at 7 and never made it to school, her phone is off', 'critical'],
    ['数学老师今天没来 我们上了自习', 'low'],
    ['my phone was off all day because the battery died', 'low'],
  ])
})

describe('a call about a beating that cut off; go and check now', () => {
  expectLevels([
    ['弟弟刚打电话说被几个高年级按在厕所地上打 说了一半电话就断了 快去看看', 'critical'],
    ['my friend called me crying that they are beating him behind the gym and then the call dropped, please go check', 'critical'],
    ['我跟朋友打电话 信号不好电话断了好几次', 'low'],
  ])
})

describe('grooming and body comments: explicit messages, meeting alone, brushing against', () => {
  expectLevels([
    ['家教老师老给我发很露骨的消息 还说要单独约我出去', 'high'],
    ['my coach keeps sending me gross messages and wants to meet me alone after practice', 'high'],
    ['a boy in my grade keeps brushing against me in line and making comments about my body', 'high'],
    ['the coach wants to meet with the team after practice to talk about the schedule', 'low'],
  ])
})

describe('spiked drinks, scalding, choke marks', () => {
  expectLevels([
    ['有人往我的饮料里加了泻药 我拉了一整天', 'high'],
    ['someone put laxatives in my water bottle during pe', 'high'],
    ['他们拿开水泼我同桌的手 烫起了泡', 'high'],
    ['my brother has choke marks on his neck and says a kid strangled him at recess', 'high'],
    ['我在饮料里加了冰块和柠檬', 'low'],
    ['i put lemon in my water bottle every morning', 'low'],
  ])
})

describe('forced hand-over of phones and money; handing in school work stays low', () => {
  expectLevels([
    ['放学路上被三个外校的拦住 逼我交出手机和钱包', 'high'],
    ['two older kids stopped my son after practice and made him hand over his phone', 'high'],
    ['老师让我们把作业交出来', 'low'],
    ['please hand over your worksheets to the front', 'low'],
  ])
})

describe('fake nudes, face swaps, deepfakes and shared videos of a victim crying', () => {
  expectLevels([
    ['有人用ai换脸把我的照片合成了裸照 在群里传', 'high'],
    ['someone made a deepfake of my sister and the whole school is passing it around', 'high'],
    ['they are passing around a video of a sixth grader crying after being shoved', 'high'],
    ['我们在电脑课上学了怎么用ps合成风景照片', 'low'],
    ['we watched a video of a cat crying for food in biology class', 'low'],
  ])
})

describe('fresh cuts and cutting again', () => {
  expectLevels([
    ['表妹手臂上有好几道新鲜划痕 说是心烦就划自己', 'high'],
    ['i started cutting again after three months clean', 'high'],
    ['我在手工课上划破了一点皮 贴了创可贴', 'low'],
    ['they started cutting the grass again on the football field', 'low'],
  ])
})

describe('threats against snitching; \'dead if I tell my mom\' hyperbole stays low', () => {
  expectLevels([
    ['他威胁我说敢告诉老师就打断我的腿', 'high'],
    ['the older kids said snitches get stitches and that i am dead if i snitch about the vaping', 'high'],
    ['im dead if i tell my mom i forgot my lunch again lol', 'low'],
  ])
})

describe('pinyin without characters', () => {
  expectLevels([
    ['wo bu xiang huo le, mei ren guan wo', 'high'],
    ['ta men tian tian jiao wo sha zi', 'medium'],
    ['wo jin tian hen kai xin', 'low'],
  ])
})

describe('belongings hidden, torn or scribbled on', () => {
  expectLevels([
    ['同桌天天把我的课本藏起来 还撕了我的作业本', 'medium'],
    ['someone keeps hiding my shoes after gym and they laugh when i search for them', 'medium'],
    ['they ripped up my homework and scribbled on my notebook again', 'medium'],
    ['我把零食藏在抽屉里 不让妹妹找到', 'low'],
    ['i tore up my old drafts and started the essay over', 'low'],
  ])
})

describe('exclusion by not telling, group picks and server bans', () => {
  expectLevels([
    ['社团的人故意不告诉我集合时间 害我每次都迟到', 'medium'],
    ['nobody wants to be in her group for projects and they say it out loud', 'medium'],
    ['they banned me from the server and bragged about it at lunch', 'medium'],
    ['老师没有告诉我们考试时间 我有点着急', 'low'],
    ['my mom banned me from my phone until i finish homework', 'low'],
  ])
})

describe('polls ranking the ugliest or weirdest', () => {
  expectLevels([
    ['班群里有人发投票评选最丑的女生 还@了她', 'medium'],
    ['someone made an instagram poll ranking the ugliest girls in our grade', 'medium'],
    ['我们班投票选班长 小李当选了', 'low'],
  ])
})

describe('tripping with a foot, pulling chairs away', () => {
  expectLevels([
    ['后排的男生总是伸脚绊我 我差点摔倒', 'medium'],
    ['every time i sit down he pulls my chair out and everyone laughs', 'medium'],
    ['我不小心绊倒在台阶上 膝盖有点疼', 'low'],
    ['i tripped over my own shoelace on the stairs', 'low'],
  ])
})

describe('body shaming: fat jokes, 笑我胖', () => {
  expectLevels([
    ['他们天天笑我胖 说我是猪', 'medium'],
    ['they make fat jokes about my brother every day in the cafeteria', 'medium'],
    ['我最近有点胖了 想多运动', 'low'],
  ])
})

describe('everyday masks: stray dogs, spooky voices, returned property, apologies, \'no plan\' keeps a wish high', () => {
  expectLevels([
    ['有条流浪狗跑进了操场 同学们都在喂它', 'low'],
    ['a stray dog got into the parking lot this morning', 'low'],
    ['the drama club practiced reading ghost stories in a creepy voice', 'low'],
    ['上周两个同学吵架 已经互相道歉了 之后没再发生', 'low'],
    ['保安在花坛里捡到一把水果刀 已交还失主 未涉及学生', 'low'],
    ['学生说有时候不想活了 但没有具体计划', 'high'],
    ['she says she sometimes wishes she were dead but she has no plan', 'high'],
  ])
})

describe('unseen-style critical tips across the studied families: stockpiles counted enough, goodbye videos, sparks in water, legs over a ledge, dragged into a car, beaten now', () => {
  expectLevels([
    ['我想好了 周五晚上就从学校天台跳下去 你们别劝我', 'critical'],
    ['他說已經把安眠藥攢夠了 今晚就吃', 'critical'],
    ['my roommate has been hoarding her adhd meds and says she\'ll take them all tonight', 'critical'],
    ['i looked up how much tylenol it takes and i\'m doing it after my parents go to sleep', 'critical'],
    ['她在小红书发了一条告别视频 说谢谢大家 下辈子见', 'critical'],
    ['he posted a goodbye video on tiktok and now he isn\'t answering anyone', 'critical'],
    ['實驗室的電線掉進水槽裡 還在冒火花 有學生在旁邊', 'critical'],
    ['a kid is sitting on the third floor window ledge with his legs hanging out', 'critical'],
    ['有个学生爬到了五楼走廊的栏杆外面 说不想活了', 'critical'],
    ['宿舍楼下有个男的正在强行把一个女生往车里拉', 'critical'],
    ['a guy is dragging a girl into the woods behind the football field right now', 'critical'],
    ['我妹妹放学没回家 电话关机 已经晚上九点了', 'critical'],
    ['my son left for the bus at 7 and the school says he never arrived, his phone goes straight to voicemail', 'critical'],
    ['他们正在厕所里围着打一个初一的 快来人', 'critical'],
  ])
})

describe('unseen-style high tips: grooming texts, substances in food, burns, emptied pockets, fake nudes, cuts again, threats against telling', () => {
  expectLevels([
    ['有个男的在地铁上一直用身体蹭我 我不敢动 已经下车了', 'high'],
    ['my tutor keeps texting me that i\'m pretty and asked me to come to his apartment alone', 'high'],
    ['體育老師總是找藉口摸我的腰 還說要單獨給我補課', 'high'],
    ['有人在我的饭里放了胶水 吃了以后一直吐', 'high'],
    ['somebody put bleach in my friend\'s juice at lunch and she threw up', 'high'],
    ['他们用烟头烫我手臂 留下好几个疤', 'high'],
    ['they held a lighter to his arm until it blistered', 'high'],
    ['初三的把我堵在巷子里 让我把身上的钱都掏出来', 'high'],
    ['some high schoolers made me empty my pockets and took my airpods', 'high'],
    ['有人把我的照片p成裸照发到了年级群', 'high'],
    ['someone photoshopped my face onto a naked body and posted it', 'high'],
    ['她最近又開始割手腕了 袖子一直不敢捲起來', 'high'],
    ['my sister has new cuts on her arms again and wears hoodies all the time', 'high'],
    ['他说我要是敢告状 就让我好看', 'high'],
    ['he said if i tell the principal he will beat me up', 'high'],
    ['班上有人說不想活了 每天都好累', 'high'],
    ['i honestly wish i could just not exist anymore', 'high'],
    ['每天放学都被他们围住打 我不敢去学校了', 'high'],
    ['someone put eye drops in my coffee and i got sick', 'high'],
  ])
})

describe('unseen-style medium tips: bins, new chats without one person, chairs, trips, names, graffiti, polls', () => {
  expectLevels([
    ['我的新鞋子被人扔进了垃圾桶 已经是第二次了', 'medium'],
    ['someone keeps taking my lunch and throwing it in the trash', 'medium'],
    ['她们建了个新群 把所有人都拉进去了 就是不拉我', 'medium'],
    ['they made a new group chat with everyone except me', 'medium'],
    ['他们每次都在我坐下的时候把椅子拉开', 'medium'],
    ['she keeps sticking her leg out to trip me in the hallway', 'medium'],
    ['他们天天叫我死胖子', 'medium'],
    ['they keep calling her a whale and making oink noises', 'medium'],
    ['有人在我课桌上用涂改液写了很难听的话', 'medium'],
    ['someone drew something gross on my locker with sharpie again', 'medium'],
    ['班群里有人发起投票 选全班最恶心的人', 'medium'],
  ])
})

describe('everyday sentences the new words must leave low: pets, donations, club livestreams, props, lost shoes, bubbles and insects in food', () => {
  expectLevels([
    ['有只狗在校门口睡觉 好可爱', 'low'],
    ['my dog ate my homework lol', 'low'],
    ['我把旧玩具都送给表弟了 他很开心', 'low'],
    ['i gave away my old clothes to the donation bin', 'low'],
    ['最后一次直播我们抽奖送书 谢谢大家', 'low'],
    ['this is the last livestream of the season for our robotics club', 'low'],
    ['那把刀是美术课用的刻刀 老师已经收回了', 'low'],
    ['我们看恐怖片 主角说你是下一个 好吓人', 'low'],
    ['我的鞋子找不到了 可能忘在体育馆了', 'low'],
    ['he banned me from his minecraft server for griefing lol but we made up', 'low'],
    ['上周的事已经说开了 我们现在是好朋友', 'low'],
    ['the fire drill was at 10am and everyone got out fine', 'low'],
    ['the teacher pulled out a chair for the visitor', 'low'],
    ['食堂的汤太咸了', 'low'],
    ['we voted on the class t-shirt design', 'low'],
    ['mix the soap in the water to make bubbles', 'low'],
    ['食堂的菜里有虫子', 'low'],
    ['the teacher pulled out a chair for the visitor', 'low'],
  ])
})

describe('staff and student reports of danger now: a leg over the railing, pills in hand with an apology for everything, a shooting announced for a day, a child under water', () => {
  expectLevels([
    ['心理老师：学生王某今天在作文里写了遗言式的话，并说已经选好了周末去江边', 'critical'],
    ['宿管：凌晨发现学生李某在阳台上，一条腿已经跨出栏杆，正在劝说', 'critical'],
    ['my friend just sent me a pic of a bunch of pills in her hand and said sorry for everything', 'critical'],
    ['Coach here: one of my players just told me he has his dad\'s gun in his car in the student lot', 'critical'],
    ['有人在班群说明天要带汽油来烧了教室', 'critical'],
    ['someone wrote on the bathroom wall that there will be a shooting on friday', 'critical'],
    ['佢哋而家喺後樓梯度打緊個男仔 快啲嚟', 'critical'],
    ['大家快来 食堂后面有个男生倒在地上不动了 叫他也没反应', 'critical'],
    ['游泳池有个小孩沉下去了没浮上来 救生员不在', 'critical'],
    ['my little brother is locked in the equipment shed and nobody has the key, he is crying', 'critical'],
    ['there\'s a creepy man trying to get kids into his car at the bus stop right now', 'critical'],
    ['我女儿说有个陌生叔叔在校门口要带她去买东西 现在人不见了', 'critical'],
  ])
})

describe('threats to jump someone, filming in changing rooms, wishes not to wake, burns and cuts explained away', () => {
  expectLevels([
    ['班主任：学生赵某本周两次被同班同学按在地上打，身上有淤青，家长已知情', 'high'],
    ['Counselor note: student disclosed that an older boy touched her inappropriately at a party last weekend', 'high'],
    ['他们逼我每周交五十块保护费 不交就打', 'high'],
    ['a group of 8th graders keep taking my son\'s lunch money and threatening him', 'high'],
    ['有人偷拍我换衣服的视频 传到了群里', 'high'],
    ['someone filmed her in the locker room and it is going around on snapchat', 'high'],
    ['我真的好累 不想再醒来了', 'high'],
    ['sometimes i just want to fall asleep and never wake up', 'high'],
    ['我同学手腕上全是一道一道的 她说是猫抓的 但我觉得不是', 'high'],
    ['he showed me the burns on his arm and said he did it himself with a lighter', 'high'],
    ['放学后他们在校门口等我 说要废了我', 'high'],
    ['they told my brother they\'re gonna jump him after the game', 'high'],
    ['我不敢去上学了 一想到要见到他们就发抖', 'high'],
    ['my daughter has been faking sick for two weeks so she doesn\'t have to face those girls', 'high'],
    ['有人把我的照片做成表情包在群里发', 'high'],
    ['the guys keep snapping my bra strap in class', 'high'],
    ['they said they are gonna jump me at the party', 'high'],
  ])
})

describe('mocking, exclusion, rumours and thrown belongings without violence', () => {
  expectLevels([
    ['她们故意在我面前说悄悄话 然后一起看着我笑', 'medium'],
    ['they keep making fun of my accent and copying the way i talk', 'medium'],
    ['someone keeps posting memes about my brother\'s acne in the class discord', 'medium'],
    ['同学们都不跟我说话 午饭也没人和我坐', 'medium'],
    ['no one will sit with me at lunch anymore and they move away when i come', 'medium'],
    ['他们老是把我的笔扔到地上 还踩几脚', 'medium'],
    ['有人造谣说我偷东西 现在全班都这么以为', 'medium'],
    ['someone started a rumor that i have lice and now everyone avoids me', 'medium'],
  ])
})

describe('everyday sentences around the new words: haircuts, camping knives at home, swimming, exam hyperbole', () => {
  expectLevels([
    ['厕所的水龙头坏了 一直在滴水', 'low'],
    ['the hallway light near room 204 keeps flickering', 'low'],
    ['我跟同桌因为借橡皮吵了几句 后来就好了', 'low'],
    ['my friend and i argued about a game but we\'re fine now', 'low'],
    ['学校能不能多开几个社团', 'low'],
    ['can we have more vegetarian options in the cafeteria', 'low'],
    ['笑死 今天数学考试难到我想原地去世', 'low'],
    ['this chem test is literally going to kill me lol', 'low'],
    ['我们班今天拔河比赛输了 大家都哭了', 'low'],
    ['i cut my hair short today and everyone says it looks good', 'low'],
    ['爸爸给我买了一把新的瑞士军刀做露营用 放在家里', 'low'],
    ['we dissected a frog in biology with a scalpel', 'low'],
    ['hi test test', 'low'],
    ['班长说下周要收班费做班服', 'low'],
    ['he keeps borrowing my pencils and forgetting to return them', 'low'],
    ['the sun went under the clouds and it got cold', 'low'],
    ['we went swimming and he went under and came back up laughing', 'low'],
  ])
})

describe('short new words that must stay narrow: 别拦我 and "don\'t stop me" only as a plan, saved-up money, desks with knife marks, cooking, laughing', () => {
  expectLevels([
    ['我要去吃火锅 谁也别拦我', 'low'],
    ['im eating the whole pizza tonight, dont try to stop me', 'low'],
    ['妈妈说我胖了 让我少吃点零食', 'low'],
    ['我攒够了钱买新手机', 'low'],
    ['请班长速到办公室拿卷子', 'low'],
    ['我掐着时间出门 差点迟到', 'low'],
    ['我们的旧课桌上有很多刀痕', 'low'],
    ['ive been cutting vegetables all week for the cooking contest', 'low'],
    ['i laughed so hard i couldnt breathe', 'low'],
    ['there are burn marks on the old stove in the home ec room', 'low'],
    ['我翻了翻钱包 发现没钱了', 'low'],
    ['爸爸把我拉上车送我去学校', 'low'],
    ['大家都在拍照留念', 'low'],
    ['他们拿着我的手机 现在在逼那个女生脱衣服', 'critical'],
    ['我跟他说了三遍对不起 他还是不理我 我是个累赘吧', 'high'],
  ])
})

describe('mixed Chinese-English, Cantonese and traditional spellings of the studied families; goodbyes in birthday cards and school plays stay low', () => {
  expectLevels([
    ['我真的好想 die 每天都好累', 'high'],
    ['最近又想 kms 了 但是不敢跟爸妈说', 'high'],
    ['他们天天 bully 我 还把我的书包扔到厕所', 'medium'],
    ['那几个 senior 放学在后门 hit 我 还抢了我的 airpods', 'high'],
    ['group chat 里面大家都在 roast 我 说我是 loser', 'medium'],
    ['有个男生一直 dm 我 要我发 nudes', 'high'],
    ['我朋友说她今晚要 end it 了 已经写好了 letter', 'critical'],
    ['體育課後被三個人圍毆 臉都腫了', 'high'],
    ['佢話今晚要跳樓 已經寫咗遺書', 'critical'],
    ['有人喺IG開咗個假帳號 用我啲相 仲改埋啲好核突嘅字', 'high'],
    ['佢哋成日喺班度笑我肥', 'medium'],
    ['他們說如果我敢告訴老師就要打斷我的腿', 'high'],
    ['教學樓三樓有個學生坐在欄杆外面 腳懸空 一直在哭', 'critical'],
    ['補習老師一直傳露骨的訊息給我 還約我單獨見面', 'high'],
    ['有人在我的水壺裡加了洗潔精 我喝了以後一直吐', 'high'],
    ['我兒子早上出門上學 學校說他沒到 電話也打不通', 'critical'],
    ['my brother said he\'d rather be dead than go back to that school', 'high'],
    ['she keeps saying everyone would be happier if she just disappeared', 'high'],
    ['he\'s been giving away his games and told me to have a nice life', 'critical'],
    ['she texted me \'thank you for being my friend, i\'m sorry\' and now her phone is off', 'critical'],
    ['thank you for being my friend, happy birthday!', 'low'],
    ['have a nice life in college, we\'ll miss you at the reunion', 'low'],
    ['我们班在排练话剧 剧本里有人跳楼的情节', 'low'],
    ['the kids were playing tag and one fell and scraped his knee, nurse cleaned it', 'low'],
    ['remember me? we met at summer camp', 'low'],
    ['记得我吗 我们是小学同学', 'low'],
    ['别忘了我明天借你的书', 'low'],
    ['你是不是忘了我的生日', 'low'],
  ])
})

describe('other families a fresh set will hold: things falling on a student, children locked in or missing at pickup, filmed in toilets, water poured on heads, mocked stutters; ball games and bike locks stay low', () => {
  expectLevels([
    ['科学楼的化学品柜倒了 有液体漏出来 好几个学生说头晕喘不上气', 'critical'],
    ['the gas smell in the chem lab is really strong and two kids fainted', 'critical'],
    ['體育館的籃球架倒下來壓住了一個學生', 'critical'],
    ['a tree branch fell on a kid at recess and he is not moving', 'critical'],
    ['有个小孩被卡在电梯里半个小时了 一直在哭', 'critical'],
    ['someone locked my sister in the bathroom stall and turned off the lights, she\'s still in there', 'critical'],
    ['有人把一年级的小孩锁在了器材室 现在还没放出来', 'critical'],
    ['幼儿园小朋友放学后不见了 老师找遍了学校', 'critical'],
    ['my 6 year old wasn\'t at pickup and the aftercare says they never saw her', 'critical'],
    ['他在朋友圈发了一张刀的照片 说明天让那几个人见血', 'critical'],
    ['a kid in my class said he\'s bringing his brother\'s pistol tomorrow to deal with the guys who jumped him', 'critical'],
    ['有人在厕所里打一个同学 现在还在打 他一直在喊', 'critical'],
    ['two guys are beating up a freshman in the bathroom by the gym right now', 'critical'],
    ['他们把他按在厕所里 往他头上浇冷水', 'high'],
    ['some kids held my son down and poured water on his head in the bathroom', 'high'],
    ['每天放学都有人在路口等着问我要钱 不给就推我', 'high'],
    ['a kid keeps demanding my lunch money and says he\'ll hurt me if i don\'t', 'high'],
    ['有个高年级的男生在楼梯上故意掀女生的裙子', 'high'],
    ['a boy keeps pulling up girls\' skirts on the playground', 'high'],
    ['班上有人把她上厕所的照片发到了群里', 'high'],
    ['someone secretly recorded my friend changing for pe and shared it', 'high'],
    ['他说下次再让他看见我就弄死我', 'high'],
    ['she said she will stab me if i talk to her boyfriend again', 'high'],
    ['我表姐手上都是烟头烫的疤 她说是她自己弄的', 'high'],
    ['他们把我的外号写在黑板上 全班都在笑', 'medium'],
    ['they keep drawing pictures of me as a pig and passing them around class', 'medium'],
    ['宿舍的人把我的被子扔到了地上 还倒了水', 'medium'],
    ['some kids keep throwing my hat in the mud', 'medium'],
    ['他们总是模仿我说话结巴 每次我回答问题都在下面学', 'medium'],
    ['every time i answer a question they mock my stutter', 'medium'],
    ['她们把我从小组里踢了出去 说不想跟我玩', 'medium'],
    ['my so-called friends ditched me at the mall and blocked me on everything', 'medium'],
    ['操场跑道上有个坑 希望修一下', 'low'],
    ['the stairs near the cafeteria are slippery when it rains', 'low'],
    ['我同学上课总是睡觉 老师也不管', 'low'],
    ['can the library stay open later during exams?', 'low'],
    ['我们组讨论的时候吵起来了 后来老师调解了 没事', 'low'],
    ['我哥说要杀了我 因为我吃了他的薯片 哈哈', 'low'],
    ['my brother said he would kill me if i touched his xbox lol', 'low'],
    ['他把球踢了出去 大家都在欢呼', 'low'],
    ['我把自行车锁在了车棚', 'low'],
    ['the book fell on my desk during the fire drill', 'low'],
  ])
})

describe('means hidden and ready (a rope in the closet, blades under the pillow) with a time; being ignored on order; rope swings and scout ropes stay low', () => {
  expectLevels([
    ['ngl im gonna unalive myself this weekend, already wrote letters to everyone', 'critical'],
    ['i have the rope in my closet and i\'m doing it tonight when everyone\'s asleep', 'critical'],
    ['我已经把刀片藏在枕头下面了 今晚等室友睡着就动手', 'critical'],
    ['他说放学要带棍子和刀去堵那个举报他的人', 'critical'],
    ['some kid posted on his story a pic of a gun with \'tomorrow at lunch\' as the caption', 'critical'],
    ['i keep thinking everyone would be better if i was never born', 'high'],
    ['我觉得我就是个多余的人 消失了最好', 'high'],
    ['he\'s been self harming again, i saw the marks when he rolled up his sleeves', 'high'],
    ['我最好的朋友用圆规扎自己的手 说这样会好受一点', 'high'],
    ['a group of girls pinned my daughter down and cut off her hair in the bathroom', 'high'],
    ['那几个人把他拖到后巷打了一顿 他现在不敢出门', 'high'],
    ['the older guys made my brother give them his new shoes or they\'d beat him', 'high'],
    ['有个老师总是让我放学后单独留下来 还摸我的头发和脖子', 'high'],
    ['my ex is threatening to post my nudes if i don\'t get back with him', 'high'],
    ['前男友说我不跟他复合就把我的私密照发出去', 'high'],
    ['he said he\'s going to make my life hell and that i should watch my back', 'high'],
    ['他说我完蛋了 让我走路小心点', 'high'],
    ['i\'m scared to go to school, i throw up every morning before the bus', 'high'],
    ['孩子每天早上都说肚子疼 就是不想去学校 问了才说被人欺负', 'high'],
    ['they keep calling me slurs in the hallway when teachers aren\'t around', 'medium'],
    ['有人在贴吧上发帖说我是小三 下面都是骂我的', 'medium'],
    ['the boys keep flicking my ears and pulling my hood in class', 'medium'],
    ['他们让全班都不要理我 谁跟我说话谁就是叛徒', 'medium'],
    ['my friend borrowed my charger and forgot to give it back', 'low'],
    ['我觉得英语老师讲得太快了', 'low'],
    ['someone left a rope swing hanging off the big tree in the park, looks fun', 'low'],
    ['我妈说我再玩手机就死定了 哈哈', 'low'],
    ['i\'m literally going to die if i don\'t get concert tickets', 'low'],
    ['the movie had a scene where the hero gets shot, it was so sad', 'low'],
    ['i bought a rope for the camping trip with my scout troop', 'low'],
    ['我等室友睡着就去洗澡', 'low'],
  ])
})

describe('everyday low tips around the new words: phones handed in to teachers, siblings hiding chargers, teachers on leave, goodbyes before leave, polls for trips, ropes for tents', () => {
  expectLevels([
    ['我们班的饮水机水杯里总有水垢 能不能清洗一下', 'low'],
    ['the water fountain by the gym tastes like soap, can someone check it', 'low'],
    ['老师让我们把手机交出来 考完试再还', 'low'],
    ['my mom made me hand over my phone at bedtime', 'low'],
    ['电工在修操场的灯 有几根电线露在外面 已经围起来了', 'low'],
    ['the janitor put a wet floor sign near the puddle by the door', 'low'],
    ['我们学校的天台一直锁着 挺好的', 'low'],
    ['we had a fire drill and everyone went to the field', 'low'],
    ['我同桌借了我的尺子 下课还我了', 'low'],
    ['he took my seat at lunch but moved when i asked', 'low'],
    ['今天体育课测800米 跑完差点吐了', 'low'],
    ['i threw up after the bus ride, motion sickness', 'low'],
    ['我们去春游 大家在车上唱歌', 'low'],
    ['we drew portraits of each other in art class and mine looked like a potato haha', 'low'],
    ['食堂阿姨给我多打了一勺菜', 'low'],
    ['our teacher said goodbye to us before her maternity leave', 'low'],
    ['英语课上我们演了个小品 我演一个坏人', 'low'],
    ['my little brother keeps hiding my phone charger to annoy me lol', 'low'],
    ['我们在讨论哪部电影最吓人 大家都说你是下一个', 'low'],
    ['this is my last year at this school before we move, i\'ll miss everyone', 'low'],
    ['他们在群里投票决定周末去哪玩', 'low'],
    ['we voted on who was the funniest person in class for the yearbook', 'low'],
    ['班主任今天请假了 电话打不通 代课老师来了', 'low'],
    ['my friend\'s phone died so she couldn\'t text back last night', 'low'],
    ['周末我跟爸妈去露营 用绳子搭了帐篷', 'low'],
    ['i gave my old phone to my little sister since i got a new one', 'low'],
    ['学校门口新开了一家奶茶店', 'low'],
    ['can we get more trash cans near the soccer field', 'low'],
    ['他说要把我拉进他们的游戏群 一起打排位', 'low'],
    ['my friends said they\'re gonna jump in the pool after the game', 'low'],
    ['初三的逼我把手机交出来 不交就打', 'high'],
    ['我儿子一直请假 不敢去学校', 'high'],
  ])
})

describe('sextortion and pay-or-I-post, notes taped on backs, mean posts, framing, fights arranged for a day', () => {
  expectLevels([
    ['他在走廊上扇了我两个耳光 还薅我头发', 'high'],
    ['有人从后面锁喉 我差点晕过去', 'high'],
    ['they spit on me in the hallway and slammed my head into the locker', 'high'],
    ['someone leaked my home address in the group chat and said they\'re coming', 'high'],
    ['一个网友说我不给他钱就把我的聊天记录和照片发给我爸妈', 'high'],
    ['a guy i met online says he\'ll send my pics to everyone unless i pay him', 'high'],
    ['高年级的天天"借"我钱 从来不还 不借就威胁我', 'high'],
    ['he keeps "borrowing" money from my son and threatens him if he says no', 'high'],
    ['同学在我背后贴纸条 写着"我是傻子"', 'medium'],
    ['someone taped a \'kick me\' sign on my back and everybody laughed', 'medium'],
    ['她们总是在我经过的时候故意大声说我坏话', 'medium'],
    ['they keep liking and sharing mean posts about me on instagram', 'medium'],
    ['他们约了校外的人周五来堵我', 'critical'],
    ['some guys from another school are coming friday to fight my brother', 'critical'],
    ['有人把我的作业抄了还说是我抄他的 全班都信了', 'medium'],
    ['我和室友因为空调温度吵了几句', 'low'],
    ['the cafeteria ran out of pizza again', 'low'],
    ['我想参加篮球队但是没选上 有点难过', 'low'],
    ['unless you pay attention in class you will fail the test', 'low'],
  ])
})

describe('pinyin without characters: wishes, beatings, fear of school, mocking and being ignored; ordinary pinyin stays low', () => {
  expectLevels([
    ['wo xiang si, huo zhe tai lei le', 'high'],
    ['ta men mei tian dou da wo, wo bu gan qu xue xiao le', 'high'],
    ['ta men zong shi xiao wo chou, hai bu gen wo wan', 'medium'],
    ['wo bu xiang qu xue xiao le, ta men hui da wo', 'high'],
    ['ta shuo ming tian dai dao lai xue xiao', 'critical'],
    ['wo jin tian kao shi kao de bu cuo', 'low'],
    ['ming tian fang xue qu da lan qiu', 'low'],
    ['ban shang de ren dou bu li wo', 'medium'],
  ])
})

describe('ganging up after school: 教训, 叫了一帮人, teach a lesson', () => {
  expectLevels([
    ['他们说明天放学后在操场后面等他 要好好教训他一顿 叫了一帮人', 'critical'],
    ['老师说要好好教育我们 别再迟到了', 'low'],
  ])
})

describe('missing child: not picked up, not found anywhere', () => {
  expectLevels([
    ['保安说二年级一个孩子放学没被接走 家长说已经出校门了 校内外都找了 仍未找到', 'critical'],
    ['我的快递还未找到 物流说在路上', 'low'],
  ])
})

describe('arson threats', () => {
  expectLevels([
    ['贴吧有人说明天要在宿舍楼纵火 让你们都看看', 'critical'],
    ['烧烤的时候炭火很旺 大家都很开心', 'low'],
  ])
})

describe('farewell to parents, then silence', () => {
  expectLevels([
    ['我儿子刚才在楼顶给我发消息说爸爸对不起 然后就不回了', 'critical'],
    ['我跟妈妈说对不起 因为我把碗打碎了', 'low'],
  ])
})

describe('wishing not to wake up, wanting to disappear', () => {
  expectLevels([
    ['她最近老说睡着了永远不醒就好了 但没说要做什么', 'high'],
    ['my friend keeps saying she wishes she could just disappear, no plan though', 'high'],
    ['周末可以睡到自然醒 太好了', 'low'],
  ])
})

describe('cutting in mixed language', () => {
  expectLevels([
    ['他又在cut 胳膊上全是一道一道的', 'high'],
    ['理发师帮我cut了一下刘海', 'low'],
  ])
})

describe('exclusion: walking away, going quiet, side groups', () => {
  expectLevels([
    ['我一过去她们就走开 每天午饭都这样', 'medium'],
    ['她们背着我另外开了一个群 就我不在里面', 'medium'],
    ['they stopped inviting me to anything and whisper about me in class', 'medium'],
    ['下课铃响了 同学们都走出了教室', 'low'],
    ['we stopped at the store after school', 'low'],
  ])
})

describe('hiding and gluing belongings, throwing bags', () => {
  expectLevels([
    ['有人老在我凳子上抹胶水 校服都粘坏了', 'medium'],
    ['a kid keeps hiding my shoes after gym so i get detention', 'medium'],
    ['美术课我们用胶水做手工', 'low'],
  ])
})

describe('unwanted touching', () => {
  expectLevels([
    ['an older boy keeps touching my sister on the bus and she has asked him to stop', 'high'],
    ['the movie was really touching and we all cried', 'low'],
  ])
})

describe('trapped behind a jammed door', () => {
  expectLevels([
    ['they pushed a kid into the supply closet and jammed the door, nobody can get it open', 'critical'],
    ['the printer jammed again in the library', 'low'],
  ])
})

describe('over: nicknames that stopped, a forgotten birthday', () => {
  expectLevels([
    ['小学的时候被人起过外号 现在没人这么叫了', 'low'],
    ['他竟然忘了我的生日 有点难过', 'low'],
  ])
})
