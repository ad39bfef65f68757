import { describe, expect, it } from 'vitest'
import { scoreTip } from '../../src/scoring/score'
import type { Level } from '../../src/scoring/types'

/**
 * Vocabulary families of the lexicon: for each, sentences the fixtures never saw, in Chinese and English, and
 * the everyday sentences the family's words must not fire on. [tip, expected level]
 */
type Case = [string, Level]

const expectLevels = (cases: Case[]) =>
  it.each(cases)('%s → %s', (text, level) => {
    const result = scoreTip(text)
    expect(result.level, JSON.stringify(result.signals.map((s) => `${s.id}:${s.match.text}`))).toBe(level)
  })

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
