import { describeFamilies } from './expect-levels'

/**
 * How children and teenagers actually spell the words of danger: dropped and swapped letters (nife, knif, sucide,
 * suiside, self harme, myslef), g-dropping (beatin, touchin, hurtin), phonetic forms (skool, frend, toched, trapt,
 * lockd), texting shorthand (2nite, 2morrow, rn, rite now, plz, hlp, sum1, cuz), Chinese homophones and wrong
 * characters (跳搂, 割婉, 自刹, 自惨, 欺付, 勒锁), mixed hanzi-pinyin (自sha, 想si, 救ming) and whole pinyin
 * (jiu ming, wo xiang zi sha, ta dai le xiao dao). Each misspelling scores what its correct form scores; the
 * everyday look-alikes (help with homework, butter knife, jump rope, a shot in a game, 想si你了, 打word, 割晚稻,
 * 七负三胜, 本学期负责人, xiang si in poems) stay low.
 *
 * The cases, a line each: test/fixtures/families/spelling.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('spelling')
