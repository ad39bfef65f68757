import type { CaseState } from '../cases/state-machine'
import type { ScoreResult } from '../scoring/types'
import type { Language } from './tip-fields'

/*
 * Everything a reporter reads, in the words of a frightened 12-year-old's reading level, in the tip's own
 * language. Nothing here hints at the score or the deadline: a child who learns their tip was "low"
 * may not come back when it gets worse.
 */

/** What the reporter sees of a case's handling state: fewer, plainer steps than staff see. */
export const reporterStatuses = ['received', 'in_progress', 'resolved', 'closed'] as const
export type ReporterStatus = (typeof reporterStatuses)[number]

/**
 * Maps a case's state to what the reporter is told. Escalation is not shown: "passed to the police" can
 * frighten a child into silence, and the counselor can say it in their own words when it helps.
 *
 * @example
 * reporterStatus('investigating') // 'in_progress'
 */
export function reporterStatus(state: CaseState): ReporterStatus {
  switch (state) {
    case 'new':
      return 'received'
    case 'acknowledged':
    case 'investigating':
      return 'in_progress'
    case 'resolved':
      return 'resolved'
    case 'dismissed':
      return 'closed'
  }
}

const statusTexts: Record<Language, Record<ReporterStatus, string>> = {
  zh: {
    received: '我们收到了你的消息。老师会尽快看到它。',
    in_progress: '一位老师已经看到了你的消息，正在处理这件事。',
    resolved: '这件事已经处理了。如果情况还没有变好，或者又发生了，请再告诉我们。',
    closed: '我们看过了你的消息，这件事已经结束。如果你还需要帮助，可以再发一条，或者去找一位你信任的大人。',
  },
  en: {
    received: 'We got your message. A counselor will read it soon.',
    in_progress: 'A counselor has read your message and is working on it.',
    resolved: 'This has been dealt with. If things are not better, or it happens again, please tell us again.',
    closed:
      'We read your message and this is now closed. If you still need help, send us a new one or talk to an adult you trust.',
  },
}

/**
 * The plain-words sentence for a reporter status.
 *
 * @example
 * statusText('en', 'received') // 'We got your message. A counselor will read it soon.'
 */
export function statusText(lang: Language, status: ReporterStatus): string {
  return statusTexts[lang][status]
}

const nextStepTexts: Record<Language, string[]> = {
  zh: [
    '请把回执码抄下来或截图，放在只有你能看到的地方。这是回来查看的唯一方法，丢了我们也找不回来。',
    '过一两天，用回执码回来看看进展。老师可能会问你问题，你不需要说出自己的名字。',
    '如果你现在就有危险，请马上告诉身边的大人，或者拨打 110。',
  ],
  en: [
    'Write down your receipt code or take a screenshot, and keep it where only you can see it. It is the only way back to your message, and we cannot find it for you if it is lost.',
    'Come back in a day or two and enter the code to see what is happening. A counselor may ask you a question. You never have to say your name.',
    'If you are in danger right now, tell an adult near you or call 110.',
  ],
}

/**
 * What to do after sending a tip.
 *
 * @example
 * nextSteps('zh')[0] // '请把回执码抄下来…'
 */
export function nextSteps(lang: Language): string[] {
  return nextStepTexts[lang]
}

/** Help for right now: what to do, and whom to call. */
export interface Help {
  title: string
  steps: string[]
  contacts: { name: string; number: string }[]
}

const helpTexts: Record<Language, Help> = {
  zh: {
    title: '你不是一个人。现在就可以找人帮忙。',
    steps: [
      '如果你或别人现在有危险，马上拨打 110（报警）或 120（急救）。',
      '想找人说说心里话，可以拨打 12355 青少年服务台，不用说出名字。',
      '现在就去找一个你信任的大人：老师、班主任、家长或学校保安。',
      '不要一个人待着，去有人的地方。',
    ],
    contacts: [
      { name: '报警', number: '110' },
      { name: '急救', number: '120' },
      { name: '12355 青少年服务台', number: '12355' },
    ],
  },
  en: {
    title: 'You are not alone. You can get help right now.',
    steps: [
      'If you or someone else is in danger right now, call 110 (police) or 120 (ambulance).',
      'If you want to talk to someone, call the 12355 youth hotline. You do not have to give your name.',
      'Go to an adult you trust right now: a teacher, your head teacher, a parent or the school guard.',
      'Do not stay alone. Go where other people are.',
    ],
    contacts: [
      { name: 'Police', number: '110' },
      { name: 'Ambulance', number: '120' },
      { name: '12355 youth hotline', number: '12355' },
    ],
  },
}

/**
 * Whether a tip calls for help right now: self-harm or immediate danger (a critical level). The reporter
 * sees the help, never the level that triggered it.
 *
 * @example
 * needsHelpNow(scoreTip('我不想活了')) // true
 */
export function needsHelpNow(score: Pick<ScoreResult, 'level' | 'signals'>): boolean {
  return score.level === 'critical' || score.signals.some((s) => s.category === 'self_harm')
}

/**
 * Help for right now, in one language: what to do and whom to call.
 *
 * @example
 * helpText('en').contacts[0] // { name: 'Police', number: '110' }
 */
export function helpText(lang: Language): Help {
  return helpTexts[lang]
}

/**
 * Help to show with the receipt when the tip shows self-harm or immediate danger, or nothing.
 *
 * @example
 * helpFor('zh', scoreTip('我不想活了')) // { title: '你不是一个人…', steps: […], contacts: […] }
 */
export function helpFor(lang: Language, score: Pick<ScoreResult, 'level' | 'signals'>): Help | undefined {
  return needsHelpNow(score) ? helpTexts[lang] : undefined
}
