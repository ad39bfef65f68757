import { describeFamilies } from './expect-levels'

/**
 * Indirect suicide signs, round 2: farewells said sideways (不想再麻烦大家了, "I won't be a burden to anyone",
 * "you were a good friend", 谢谢您一直对我那么好, a pet or one's things handed over, a will), attempts told
 * after the fact (药我已经吃下去了, "swallowed all of them", someone else's insulin), means being prepared (a
 * sheet twisted into a rope, a belt tied to a closet rod, how much insulin it takes), a time with nothing
 * after it (after tonight, 明天以后就不用再考试了), passive wishes (睡着了就别醒了, "wish I didn't wake up"),
 * pinyin and half-pinyin. Each family in Chinese and English, with the everyday look-alikes its words must
 * not fire on.
 *
 * The cases, a line each: test/fixtures/families/selfharm2.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('selfharm2')
