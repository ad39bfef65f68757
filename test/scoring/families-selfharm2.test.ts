import { describe } from 'vitest'
import { expectLevels } from './expect-levels'

/**
 * Indirect suicide signs, round 2: farewells said sideways (不想再麻烦大家了, "I won't be a burden to anyone",
 * "you were a good friend", 谢谢您一直对我那么好, a pet or one's things handed over, a will), attempts told
 * after the fact (药我已经吃下去了, "swallowed all of them", someone else's insulin), means being prepared (a
 * sheet twisted into a rope, a belt tied to a closet rod, how much insulin it takes), a time with nothing
 * after it (after tonight, 明天以后就不用再考试了), passive wishes (睡着了就别醒了, "wish I didn't wake up"),
 * pinyin and half-pinyin. Each family in Chinese and English, with the everyday look-alikes its words must
 * not fire on. [tip, expected level]
 */
describe('critical — farewells said sideways, Chinese', () => {
  expectLevels([
    ['我不想再麻烦大家了 谢谢你们这么久对我那么好', 'critical'],
    ['以后不会再连累你们了 我的游戏机都留给你', 'critical'],
    ['我再也不会拖累爸妈了 今晚过后就好了', 'critical'],
    ['她说不想再打扰任何人了 然后就不回消息了', 'critical'],
    ['我不能再耽误家里了 猫就拜托你了', 'critical'],
    ['谢谢您这些年照顾我 以后我的东西你们分了吧', 'critical'],
    ['谢谢你一直陪着我 我不想再麻烦你了', 'critical'],
    ['东西都收拾好了，猫拜托给表姐了。明天以后就不用再考试了', 'critical'],
    ['他把仓鼠托付给我了 还说不会再打扰大家', 'critical'],
    ['谁要我的手办 我以后用不上了 不想再连累家人', 'critical'],
    ['密码是你生日 我的球鞋都给你 别找我', 'critical'],
    ['我写好遗嘱了 明天就不在了', 'critical'],
  ])
})

describe('critical — attempts told after the fact and means prepared, Chinese', () => {
  expectLevels([
    ['老师，我不想再麻烦大家了。药我已经吃下去了，谢谢您一直对我那么好。', 'critical'],
    ['药我全吃下去了 你们别担心', 'critical'],
    ['她说那盒药已经吞下去了', 'critical'],
    ['他把一整瓶药都吃了 现在叫不醒', 'critical'],
    ['宿管：有个孩子把床单拧成绳子系在上铺栏杆上，人不在宿舍', 'critical'],
    ['我看见他用皮带编成绳挂在门框上', 'critical'],
    ['她用围巾绞成绳 说今晚用', 'critical'],
    ['他偷了他外婆的胰岛素 说今晚就打', 'critical'],
  ])
})

describe('critical — farewells, attempts and means, English', () => {
  expectLevels([
    ["I won't be a problem for anyone after tonight. I already looked up how much of my mom's insulin it takes.", 'critical'],
    ["if I'm not at school tomorrow it's because I finally did it. you were a good friend.", 'critical'],
    ['so yeah I wrote a will lol. who wants my switch. not joking btw. tonight', 'critical'],
    ['bro i dont want to drag you down anymore. the stuff i left for you is in your locker. take care of my dog ok', 'critical'],
    ['she texted me "thank you for always being there for me. i wont be a burden to anyone anymore"', 'critical'],
    ['my friend said you were a really good friend and then her location went off', 'critical'],
    ['he said nobody will have to deal with me after today', 'critical'],
    ["Nurse's office: a 6th grader just told me she swallowed 'all of them' from a bottle at home before school.", 'critical'],
    ["my sister took my mom's insulin and locked her door", 'critical'],
    ['he swallowed his dads sleeping pills an hour ago', 'critical'],
    ['she took all of her moms antidepressants last night and wont wake up properly', 'critical'],
    ['my roommate drank bleach, not joking, please send someone', 'critical'],
    ['he tied a belt to the closet rod and said tonight is the night', 'critical'],
    ['she knotted a scarf around the bunk and left a note', 'critical'],
    ['asked chatgpt how many sleeping pills to not wake up', 'critical'],
    ['i made my will and gave away my guitar', 'critical'],
    ['please take care of my hamster. my stuff is yours now', 'critical'],
  ])
})

describe('critical — pinyin and half-pinyin', () => {
  expectLevels([
    ['wo jie jie zai fang jian li ge shou wan, liu le hen duo xue, ta bu kai men', 'critical'],
    ['ta ge shou wan le xue zhi bu zhu', 'critical'],
    ['wo chi le yi ping yao', 'critical'],
    ['ta tun le hen duo an mian yao', 'critical'],
    ['wo bu xiang zai ma fan da jia le, bie zhao wo le', 'critical'],
    ['yi shu xie hao le fang zai chou ti li', 'critical'],
    ['我想tiaolou 东西都收拾好了', 'critical'],
  ])
})

describe('high — wishes, farewell-like words and means without anything else', () => {
  expectLevels([
    ['我不想再麻烦大家了', 'high'],
    ['谢谢您一直对我那么好', 'high'],
    ['要是有辆车撞过来好像也挺好的', 'high'],
    ['要是出意外死了也好', 'high'],
    ['活着好没意思啊。有时候真希望睡着了就别醒了。', 'high'],
    ['希望闭上眼就再也不醒', 'high'],
    ['我不想huo了', 'high'],
    ['她说她想si了', 'high'],
    ['他在网上说想zi杀', 'high'],
    ['I just wish I didn\'t wake up some days', 'high'],
    ['she wishes she was never born', 'high'],
    ["Honestly I'd be fine if I just didn't exist.", 'high'],
    ['everyone would be better if i was gone', 'high'],
    ['i wouldnt mind getting hit by a car tbh', 'high'],
    ['hope a bus hits me on the way to school', 'high'],
    ['huo zhe hao lei, bu xiang zai huo xia qu', 'high'],
    ['who wants my xbox', 'high'],
    ['i wont be a bother to anyone', 'high'],
    ['he tied a charger cord to the ceiling fan', 'high'],
    ['我朋友用刀片在手臂上划 不深', 'high'],
    ['老师，我最近晚上会用小刀在腿上刻字，不深，就是想让您知道。', 'high'],
    ["I've been cutting again. not deep. just wanted someone to know i guess", 'high'],
    ['我最近又开始cut了，不是很深', 'high'],
    ['she said "no cap" i want to die', 'high'],
  ])
})

describe('low — the same words in everyday use', () => {
  expectLevels([
    ['谢谢老师一直以来的帮助，我现在很好', 'low'],
    ['谢谢你一直陪我打球', 'low'],
    ['我们去旅游 猫拜托给表姐几天', 'low'],
    ['放假回老家，猫拜托给邻居了', 'low'],
    ['明天以后就不用再考试了 放假啦', 'low'],
    ['东西都收拾好了 明天出发去夏令营', 'low'],
    ['期末考试前先写好遗嘱', 'low'],
    ['一觉睡到中午 别叫醒我', 'low'],
    ['我去haircut了', 'low'],
    ['it will not be a problem for anyone, the desk is fixed', 'low'],
    ['that wont be a bother to anyone', 'low'],
    ['you were a good friend until you lied to me', 'low'],
    ['who wants my old calculator', 'low'],
    ['can you take care of my hamster this weekend', 'low'],
    ['look after my cat for a few days while we are away', 'low'],
    ['my grandpa wrote a will', 'low'],
    ['our lawyer made a will for my parents', 'low'],
    ['I wish I didn\'t have to wake up so early for school', 'low'],
    ['tied a rope to the tree for a swing', 'low'],
    ['wo mai le yi ge wan le', 'low'],
    ['no cap that test was hard', 'low'],
    ['ong i was so tired after practice', 'low'],
    ['i looked up how much homework we have', 'low'],
  ])
})
