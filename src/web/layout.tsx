import type { Child } from 'hono/jsx'
import { assets } from './assets'
import type { Catalog } from './i18n/catalog'
import { otherLocale, catalogFor } from './i18n/locale'

export interface LayoutProps {
  t: Catalog
  /** The page's own title; the site name is added after it. */
  title: string
  /**
   * The GET address of this page, for the language toggle (`?lang=` is added). Left out on pages that
   * answer a POST — the receipt, a follow-up view — because following a link there would lose what is
   * shown, which may be a child's only copy of their receipt.
   */
  togglePath?: string | undefined
  /** Links in the footer; staff pages will pass their own navigation here. */
  footer?: Child
  /** Another same-origin script after the main one (the staff pages' `assets.staffJs.path`). */
  script?: string | undefined
  /** A class on <main>, for page-specific layout (the poster). */
  mainClass?: string
  children?: Child
}

/**
 * The frame of every page: language, title, the one stylesheet and the one script (both same-origin
 * files: the CSP allows nothing inline), a skip link, the header with the language toggle, and a footer.
 * Staff pages (issue 4) reuse it with their own footer/navigation.
 */
export function Layout({ t, title, togglePath, footer, script, mainClass, children }: LayoutProps) {
  const other = catalogFor(otherLocale(t.locale))
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${t.siteName}`}</title>
        <link rel="stylesheet" href={assets.css.path} />
        <script src={assets.js.path} defer></script>
        {script && <script src={script} defer></script>}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href={`/?lang=${t.locale}`}>
              {t.siteName}
              <small>{t.tagline}</small>
            </a>
            {togglePath !== undefined && (
              <a class="lang" href={`${togglePath}?lang=${other.locale}`} hreflang={other.locale} lang={other.locale}>
                <span class="visually-hidden" lang={t.locale}>
                  {t.switchLanguage}:{' '}
                </span>
                {other.languageName}
              </a>
            )}
          </div>
        </header>
        <main id="main" class={mainClass}>
          {children}
        </main>
        <footer class="site">
          {footer}
          <p>{t.footer.anonymous}</p>
        </footer>
      </body>
    </html>
  )
}

/** The reporter pages' footer links: send a tip, or come back with a receipt. */
export function ReporterFooter({ t }: { t: Catalog }) {
  return (
    <nav aria-label={t.siteName}>
      <a href={`/?lang=${t.locale}`}>{t.footer.report}</a>
      <a href={`/followup?lang=${t.locale}`}>{t.footer.followup}</a>
    </nav>
  )
}
