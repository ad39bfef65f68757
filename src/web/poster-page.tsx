import { raw } from 'hono/html'
import type { PublicSchool } from '../schools/schools'
import type { Catalog } from './i18n/catalog'
import { Layout } from './layout'
import { qrSvg } from './qr-svg'

export interface PosterPageProps {
  t: Catalog
  school: PublicSchool
  /** The address the QR code and the printed line open: the school's form. */
  url: string
  togglePath: string
}

/**
 * A printable A4 poster for one school's wall: the headline, three lines, a QR code of the school's form
 * link and the link written out. The print stylesheet drops the site header, footer and the print button.
 */
export function PosterPage({ t, school, url, togglePath }: PosterPageProps) {
  const p = t.poster
  return (
    <Layout t={t} title={`${p.title} · ${school.name}`} togglePath={togglePath} mainClass="poster">
      <p class="actions no-print">
        <button type="button" class="button" data-print data-js-only hidden>
          {p.print}
        </button>
      </p>
      <p class="lead">{school.name}</p>
      <h1>{p.headline}</h1>
      <ul class="lines">
        {p.lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>
        <strong>{p.scan}</strong>
      </p>
      {/* The SVG is built from the URL by qr-svg.ts, which escapes the one attribute that carries text. */}
      {raw(qrSvg(url, p.qrLabel(url)))}
      <p>{p.orOpen}</p>
      <p class="url">{url}</p>
      <p>{p.help}</p>
    </Layout>
  )
}
