import { HelpBox } from './components'
import type { Catalog } from './i18n/catalog'
import { Layout, ReporterFooter } from './layout'

export interface ReceiptPageProps {
  t: Catalog
  receipt: string
  reference: string
  needsHelp: boolean
}

/**
 * After sending: help for right now first when the tip calls for it, then the receipt large, the warning
 * that it is the only way back, ways to keep it (copy, save as image, print: shown only when the script
 * runs; without it, the words say screenshot or paper), and what happens next. No language toggle here:
 * leaving this page would lose the receipt.
 */
export function ReceiptPage({ t, receipt, reference, needsHelp }: ReceiptPageProps) {
  const r = t.receipt
  return (
    <Layout t={t} title={r.title} footer={<ReporterFooter t={t} />}>
      {needsHelp && <HelpBox t={t} />}
      <h1>{r.title}</h1>
      <p class="lead">{r.lead}</p>
      <section class="receipt" aria-labelledby="receipt-label">
        <h2 id="receipt-label">{r.label}</h2>
        <output class="code" id="receipt-code" aria-labelledby="receipt-label">
          {receipt}
        </output>
        <div class="actions no-print" data-js-only hidden>
          <button type="button" class="button" data-copy="receipt-code" data-status="receipt-status" data-done={r.copied} data-fail={r.copyFailed}>
            {r.copy}
          </button>
          <button type="button" class="button secondary" data-save-image="receipt-code" data-title={r.imageTitle}>
            {r.saveImage}
          </button>
          <button type="button" class="button secondary" data-print>
            {r.print}
          </button>
        </div>
        <p class="no-print" id="receipt-status" role="status" aria-live="polite"></p>
      </section>
      <p class="warning" role="note">
        {r.onlyWayBack}
      </p>
      <p class="hint">{r.noScript}</p>
      <h2>{r.nextTitle}</h2>
      <ol>
        {t.reporter.nextSteps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>
        <a href={`/followup?lang=${t.locale}`}>{r.followupLink}</a>
      </p>
      <p class="hint">
        {r.reference}: <span lang="en">{reference}</span> — {r.referenceHint}
      </p>
    </Layout>
  )
}
