import type { Catalog, Problem } from './i18n/catalog'
import { Layout, ReporterFooter } from './layout'

/** A page for a problem that has no form to return to (not found, refused, our own failure). */
export function ErrorPage({ t, problem }: { t: Catalog; problem: Problem }) {
  return (
    <Layout t={t} title={t.errorPage.title} footer={<ReporterFooter t={t} />}>
      <h1>{t.errorPage.title}</h1>
      <p class="error-summary" role="alert">
        {t.errors.problems[problem]}
      </p>
      <p>
        <a class="button" href={`/?lang=${t.locale}`}>
          {t.errorPage.home}
        </a>
      </p>
    </Layout>
  )
}
