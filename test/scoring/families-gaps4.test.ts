import { describe } from 'vitest'
import { expectLevels } from './expect-levels'

/**
 * Round-4 word gaps, in Chinese and in English: a beating told in the passive (被同寝室的人打了, 被三个高年级的揍了,
 * pinyin da le yi dun) and its marks (嘴角裂了); money searched off a child or a meal card used for someone else
 * (搜走了钱, 逼他把饭卡给他们刷); a photo edited and posted (P上猪头发到表白墙); lunch-table exclusion (她们就端着盘子
 * 换桌, told not to sit with me, 不让她play); a group chat built to leave one out (建了个群专门不拉她); pins on a chair;
 * mimicking a disability (模仿他口吃); a threat to throw someone in the river; a passive wish to die (睡着了不醒就好,
 * if I disappeared would anyone care) and goodbyes (最后一次跟你说话, don't bother coming); a wound too deep to stop
 * bleeding; an adult's secrecy and night visits (这是我们的秘密, what I'm wearing, felt wrong); a child gone from a
 * head count (少了一个小朋友) or lured (get kids to follow him); a child stuck high up (爬到梯子上下不来) or in deep
 * water (went into the reservoir); belongings hidden, squashed or binned (hiding his coat, lunchbox in the bin).
 * And the look-alikes these words must not catch: blocked fire exits, bikes in the way, a rope for camping, a
 * puppy photo for grandma, hide-and-seek, a mock trial, icy steps, a horror film, a board game, a lost pen case
 * at home, a gift card prize, a class seat change.
 */
describe('word gaps round 4 in Chinese: what must fire', () => {
  expectLevels([
    ['我弟弟在宿舍被同寝室的人打了，不敢跟老师说', 'high'],
    ['昨天放学被三个高年级的揍了一顿', 'high'],
    ['他被隔壁班的几个人打伤了', 'high'],
    ['几个男生把他拉到厕所后面打了一顿', 'high'],
    ['他们把我叫到车棚打了', 'high'],
    ['上周他被人打了，嘴角到现在还是破的，嘴角裂了', 'high'],
    ['ta men ba wo da le yi dun', 'high'],
    ['放学路上有人把我拦住，搜走了我的两百块', 'high'],
    ['那几个高年级天天逼我把饭卡给他们刷', 'high'],
    ['他说不给他转五十块就不让我回家', 'high'],
    ['有人趁她睡着拍了照片，p上猪头发到年级群', 'high'],
    ['她们把我的照片p成猪头发到表白墙上', 'high'],
    ['我一坐过去她们就端着盘子换桌，一个月了', 'medium'],
    ['她跟全班说不准跟我坐，已经好几周了', 'medium'],
    ['分组的时候都不选她，还说谁要她谁倒霉', 'medium'],
    ['她们建了个群专门不拉她，在群里吐槽她', 'medium'],
    ['有人在我椅子上放图钉，这是第三次了', 'medium'],
    ['他们天天模仿他口吃的样子', 'medium'],
    ['那几个人说今天放学要把他扔进河里', 'critical'],
    ['活着真的没什么意思', 'high'],
    ['有时候想睡着了不醒就好了', 'high'],
    ['如果我消失了你们会难过吗', 'high'],
    ['她发消息说这是最后一次跟我说话，她在天台', 'critical'],
    ['我同学发了手腕割伤的照片', 'high'],
    ['她说割得很深，血止不住', 'critical'],
    ['同学的继父经常喝醉了进她房间', 'high'],
    ['体育老师单独叫她留下，说这是我们的秘密', 'high'],
    ['网上认识的人说要接我去他家', 'high'],
    ['清点人数少了一个二年级的小朋友，到处没有', 'critical'],
    ['孩子才五岁，在游乐区不见了', 'critical'],
    ['她昨晚没回宿舍，家里人也找不到她', 'critical'],
    ['前妻没有抚养权，刚在校门口要把孩子带走', 'critical'],
    ['有个小孩爬到水塔的梯子上，很高，下不来了', 'critical'],
    ['一个男生爬到四楼窗户外面的台子上，怎么叫都不下来', 'critical'],
    ['他们把我同桌的书包踩坏了', 'medium'],
  ])
})

describe('word gaps round 4 in English: what must fire', () => {
  expectLevels([
    ['she told me she has the rope and is going tonight', 'critical'],
    ['my brother picked the tree in the park and says it will be this weekend', 'critical'],
    ['i took like 30 of my dads pills an hour ago', 'critical'],
    ['found him barely responsive in the dorm', 'critical'],
    ['she sent a selfie with a belt around her neck', 'critical'],
    ['he says he cut too deep and it wont stop bleeding', 'critical'],
    ['im not telling anyone where i am. dont bother coming', 'high'],
    ['i dont really want to be alive anymore', 'high'],
    ['sometimes i wish i could go to sleep and never wake up', 'high'],
    ['would anyone care if i died', 'high'],
    ['a man online keeps telling my son to delete the chats and says its our secret', 'high'],
    ['the tutor texts her at night asking what shes wearing', 'high'],
    ['my coach says not to tell anyone about the massages', 'high'],
    ['the swim coach touched her in a way that made her cry', 'high'],
    ['her uncle made her touch him', 'high'],
    ['an older boy made me touch his private parts', 'high'],
    ['a stranger just got one of the kids to get in his van', 'critical'],
    ['a man who doesnt have custody is trying to take his daughter out of class', 'critical'],
    ['a man at the fence is trying to get kids to follow him', 'critical'],
    ['our daughter has gone missing from the bus stop', 'critical'],
    ['they padlocked it with him inside the storage cage', 'critical'],
    ['a boy went into the river after his ball and cant get back to the bank', 'critical'],
    ['a senior is getting his head smashed into the lockers right now', 'critical'],
    ['pleas help a big kid is hiting my brother behind the gym', 'critical'],
    ['somebody keeps hiding his coat at lunch', 'medium'],
    ['they took her snacks out of her lunchbox and threw her snacks away', 'medium'],
    ['the older kids knock his hat off on the bus', 'medium'],
    ['my sons calculator has gone missing again and turned up in the bin', 'medium'],
    ['the girls in her dorm have been freezing out the new girl', 'medium'],
    ['everyone in class was told not to sit with me at lunch', 'medium'],
    ['my group chat keeps removing me from the chat', 'medium'],
    ['they kicked me from the server and laugh at me every day', 'medium'],
    ['a guy in year 11 said he is going to batter me', 'high'],
    ['he said he would kick my head in', 'high'],
    ['he has a hit list in his locker', 'critical'],
    ['the bigger boys take cash off the little kids every day', 'high'],
    ['a classmate made me buy him gift cards or he would post my pics', 'high'],
    ['he is terrified of the older boys and hides in his room all weekend', 'high'],
    ['they keep calling her names every day', 'medium'],
  ])
})

describe('word gaps round 4: harmless look-alikes stay low', () => {
  expectLevels([
    ['消防通道被几辆自行车堵住了，请后勤处理', 'low'],
    ['下水道堵住了，厕所有味道', 'low'],
    ['放学我就回家写作业了', 'low'],
    ['同学她的书借我看了一下', 'low'],
    ['我们在玩捉迷藏 他藏得太好了 谁都找不到他', 'low'],
    ['我的眼镜找不到了，不知道放哪里了', 'low'],
    ['昨天看了个恐怖片，晚上做噩梦了', 'low'],
    ['操场边的栏杆有点松，怕以后出事', 'low'],
    ['这次考试我们班少了一个满分', 'low'],
    ['老师今天给我们换座位了', 'low'],
    ['周末和爸妈在河边烧烤，很开心', 'low'],
    ['我发了一张猫的照片到朋友圈', 'low'],
    ['纪录被他打破了，大家都鼓掌', 'low'],
    ['我们班的群里在讨论春游去哪', 'low'],
    ['i bought a rope for the camping trip', 'low'],
    ['grandma keeps asking me for pics of the puppy', 'low'],
    ['We did a mock trial in history class today', 'low'],
    ['The front steps were icy this morning, please salt them earlier', 'low'],
    ['the toilets in the gym have no soap', 'low'],
    ['skibidi toilet rizz lol', 'low'],
    ['Win a $500 gift card by answering our survey!', 'low'],
    ['my lunchbox is in the dishwasher', 'low'],
    ['we learned the names and dates of every king for the test', 'low'],
    ['the pancake batter was too runny', 'low'],
    ['it was freezing out there at recess', 'low'],
    ['my pen has gone missing, probably left it at home', 'low'],
    ['i took like 20 photos of the sunset', 'low'],
    ['the roof of the bike shed needs new paint', 'low'],
    ['he said he cut his hair too short', 'low'],
  ])
})

describe('word gaps round 4, other registers: UK slang, lures, meal cards', () => {
  expectLevels([
    ['my son was roughed up in the changing room by two year 10s', 'high'],
    ['he got roughed up behind the sports hall', 'high'],
    ['the year 9s are taxing the younger kids a pound a day', 'high'],
    ['they charge him 2 dollars to use the toilet', 'high'],
    ['a man in a van offered the kids candy at the gate', 'critical'],
    ['一个陌生人在校门口给小朋友糖，想带他们走', 'critical'],
    ['有个大人在公园用糖骗小朋友跟他走', 'critical'],
    ['高年级的把他的饭卡抢走了', 'high'],
    ['the chef roughed up the dough', 'low'],
    ['I offered my friend candy to share at lunch', 'low'],
    ['this exam was taxing the whole class', 'low'],
    ['the tax office is closed on Fridays', 'low'],
    ['my dad asked me to come with him to the shops', 'low'],
    ['我周末只想在家睡觉', 'low'],
  ])
})
