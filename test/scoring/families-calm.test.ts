import { describeFamilies } from './expect-levels'

/**
 * The calm families, in Chinese and in English: high-level tips written quietly or formally, in the past tense
 * and with euphemisms — an assault reported a week later (被同学打了, was hit by several classmates), bruises a
 * child will not explain (身上有伤 问了不肯说), money or an allowance handed over (零花钱被要走, giving his pocket
 * money to some older boys), touching described indirectly (did things I didn't like, 对我做了我不喜欢的事,
 * 有意无意地碰我), self-harm and a wish to die said softly (hits himself when upset, I do not see the point in
 * living), threats of regret (he said I would regret telling, 会让我后悔), humiliating photos (photos of me in the
 * changing room, 哭的样子拍下来发到网上) and a child too afraid to come to school — each must land on high, not
 * low and not critical. And the look-alikes (a head pat, pocket money to charity, the flu, a photo in the school
 * play, a ball in PE) that must stay low.
 *
 * The cases, a line each: test/fixtures/families/calm.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('calm')
