import { describeFamilies } from './expect-levels'

/**
 * Round-10 signs, from three training sets' misses (sexual harm said indirectly, self-harm said sideways,
 * adults' second-hand reports): an adult getting a child alone (一个人去他酒店房间, "come alone to his place",
 * "dont bring anyone", 别让家长知道), critical with a day set ("this sunday", 这周日 now count as soon, like
 * "this friday"); threats to send chats and photos to a class or school; plans said as heights (楼够高),
 * bridges ("i know which bridge") and saved medication; goodbyes handed on (以后我的东西都给…, 日记都烧了,
 * "dont open them until sunday", "tonight i stop being a problem"); a drink spiked with the victim dizzy now.
 * Beside them, what must stay low: asking whether parents may be told (能不能告诉家长), a warning to be careful,
 * a tutor helping with algebra, an exam that will "kill me", clean for three years, a foam sword in a play, a
 * smoking microwave already replaced, toys given to a brother.
 *
 * The cases, a line each: test/fixtures/families/gaps10.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('gaps10')
