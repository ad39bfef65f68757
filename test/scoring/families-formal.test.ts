import { describeFamilies } from './expect-levels'

/**
 * Reports written by adults in a formal or professional register (teachers, 班主任, 宿管, 校医, counsellors,
 * 保安, bus drivers, canteen staff, coaches, librarians, parents writing to the school), in Chinese and in
 * English, both directions: the formal words for injuries (bruising, contusions, 伤痕, 挫伤), assaults (hit by
 * peers, struck by, 家暴), self-injury and ideation (self-injurious, passive death wish, 自杀意念, 轻生念头),
 * threats (intent to harm, 扬言要), sexual abuse and harassment (sexually abused, indecent exposure, followed
 * home by an adult male, 不当接触), school refusal (拒绝返校, refusing to attend school), verbal abuse,
 * non-consensual images, a student not back in the dorm (连续三晚未归) and an unauthorised adult trying to take
 * a child (非授权人员试图接走) — and the routine administrative notes, prevention assemblies, denials and
 * checked-and-false reports that must stay low.
 *
 * The cases, a line each: test/fixtures/families/formal.jsonl (also labelled tips the second reader trains on).
 */
describeFamilies('formal')
