import { describe } from 'vitest'
import { expectLevels } from './expect-levels'

/**
 * How children and teenagers actually spell the words of danger: dropped and swapped letters (nife, knif, sucide,
 * suiside, self harme, myslef), g-dropping (beatin, touchin, hurtin), phonetic forms (skool, frend, toched, trapt,
 * lockd), texting shorthand (2nite, 2morrow, rn, rite now, plz, hlp, sum1, cuz), Chinese homophones and wrong
 * characters (跳搂, 割婉, 自刹, 自惨, 欺付, 勒锁), mixed hanzi-pinyin (自sha, 想si, 救ming) and whole pinyin
 * (jiu ming, wo xiang zi sha, ta dai le xiao dao). Each misspelling scores what its correct form scores; the
 * everyday look-alikes (help with homework, butter knife, jump rope, a shot in a game, 想si你了, 打word, 割晚稻,
 * 七负三胜, 本学期负责人, xiang si in poems) stay low. [tip, expected level]
 */
describe("critical — misspelled weapons, threats and attempts, English", () => {
  expectLevels([
    ["he brought a nife to skool its in his bakpack", 'critical'],
    ["theres a knif in his locker", 'critical'],
    ["he said hes bringin a gun 2morrow", 'critical'],
    ["jake has a nive in his bag rn", 'critical'],
    ["he brung a knife to scool today", 'critical'],
    ["hes gonna shot him after skool 2morrow", 'critical'],
    ["ima stab u after school tmrw", 'critical'],
    ["i want to die 2nite", 'critical'],
    ["i wanna die 2morrow i already wrote the letter", 'critical'],
    ["she swallowed all the pils", 'critical'],
    ["my frend says shes gonna do sucide tonite", 'critical'],
    ["im lockd in the bathroom at scool plz help", 'critical'],
    ["stuk in the storage room cant get out", 'critical'],
    ["trapt in the closet they locked it", 'critical'],
    ["they r beatin him up behind the gym rite now", 'critical'],
    ["they r punchin my frend rn", 'critical'],
    ["hes touchin her on the bus rn", 'critical'],
  ])
})

describe("high — misspelled harm that happened, English", () => {
  expectLevels([
    ["thinking about sucide a lot lately", 'high'],
    ["i keep thinkin about suiside", 'high'],
    ["i wanna kil myslef", 'high'],
    ["i keep hurtin myself", 'high'],
    ["im cuting again", 'high'],
    ["i self harme when i get sad", 'high'],
    ["sewer slide thoughts again", 'high'],
    ["they keep beatin me at scool", 'high'],
    ["he keeps touchin me in class", 'high'],
    ["he toched me and i said no", 'high'],
    ["he grabed my butt in the hallway", 'high'],
    ["im scared to go to skool cuz of them", 'high'],
    ["my son is scard to go to school now", 'high'],
    ["plz help me", 'high'],
    ["hlp me", 'high'],
    ["sum1 help", 'high'],
    ["he thretened to kill me", 'high'],
    ["finna shoot him", 'high'],
  ])
})

describe("critical and high — Chinese homophones, wrong characters and pinyin", () => {
  expectLevels([
    ["我想跳搂 今晚就去", 'critical'],
    ["我割婉了 流了好多血", 'critical'],
    ["他说今晚要自刹", 'critical'],
    ["我想自sha", 'high'],
    ["我想跳搂", 'high'],
    ["我又开始自惨了", 'high'],
    ["好想si啊 活着没意思", 'high'],
    ["他们勒锁我的钱", 'high'],
    ["他们天天欺付我", 'medium'],
    ["jiu ming", 'high'],
    ["救ming 有人打我", 'critical'],
    ["wo xiang zi sha", 'high'],
    ["wo zhen de xiang si", 'high'],
    ["ta dai le xiao dao lai xue xiao", 'critical'],
    ["ta men da wo", 'high'],
    ["ta le suo wo", 'high'],
    ["wo hai pa shang xue", 'high'],
    ["ta men yi zhi qi fu wo", 'medium'],
  ])
})

describe("look-alikes that must stay low or keep their level", () => {
  expectLevels([
    ["plz help me with my math hw", 'low'],
    ["can u help me with my essay", 'low'],
    ["the butter nife in the caf is dull", 'low'],
    ["we did jump rope in pe", 'low'],
    ["nice shot in the game today", 'low'],
    ["he shot a video for media class", 'low'],
    ["i want to dye my hair blue", 'low'],
    ["my frend is moving to a new scool", 'low'],
    ["cant wait for skool to end lol", 'low'],
    ["see u 2morrow at practice", 'low'],
    ["2nite we r doing a movie nite", 'low'],
    ["im so bored rn", 'low'],
    ["i lost my pils case", 'low'],
    ["我们在学校附近跳绳", 'low'],
    ["我想si你了", 'low'],
    ["今天晚饭想吃什么", 'low'],
    ["这个楼的价格跳了", 'low'],
    ["我想sleep了 好困", 'low'],
    ["帮我打word文档", 'low'],
    ["本学期负责人是王老师", 'low'],
    ["我们队七负三胜", 'low'],
    ["明天去割晚稻", 'low'],
    ["她在跳舞 跳喽跳喽", 'low'],
    ["wo xiang qu kan dian ying", 'low'],
    ["xiang si is a kind of longing in chinese poems", 'low'],
    ["the skool play is 2morrow", 'low'],
    ["he didnt bring a nife", 'low'],
    ["wo mingtian ba shu dai dao xuexiao", 'low'],
    ["i keep hurtin mysef", 'high'],
    ["i wanna unalive myslef", 'high'],
    ["blud thats crazy lol", 'low'],
    ["i shot u a text", 'low'],
    ["im finna kill this test", 'low'],
    ["hes finna shoot his shot with her", 'low'],
    ["plz come to my party", 'low'],
    ["gat dang it", 'low'],
  ])
})
