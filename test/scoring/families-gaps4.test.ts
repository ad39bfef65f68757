import { describeFamilies } from './expect-levels'

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
 *
 * The cases, a line each: test/fixtures/families/gaps4.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps4')
