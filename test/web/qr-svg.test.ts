import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { qrSvg } from '../../src/web/qr-svg'

/**
 * Rasterises the SVG qrSvg draws — a viewBox in modules and one path of `M x y h w v1 h-w z` runs — at a
 * few pixels per module, then decodes it. Reads the SVG text itself, so a drawing mistake (an off-by-one
 * run, a lost row) fails here, not only on a wall.
 */
function decode(svg: string, scale = 4): string | undefined {
  const size = Number(svg.match(/viewBox="0 0 (\d+) \d+"/)![1])
  const width = size * scale
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let row = Number(y) * scale; row < (Number(y) + 1) * scale; row++) {
      for (let col = Number(x) * scale; col < (Number(x) + Number(w)) * scale; col++) {
        const i = (row * width + col) * 4
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
      }
    }
  }
  return jsQR(pixels, width, width)?.data
}

describe('qrSvg', () => {
  it.each(['http://localhost:8787/s/QX-P03', 'https://tips.qingxi-district.example.org/s/QX-H01', 'https://t.example/s/QX-P08?lang=en'])(
    'draws a code that decodes back to %s',
    (url) => {
      expect(decode(qrSvg(url, 'QR'))).toBe(url)
    },
  )

  it('stays small, with a quiet zone of white around it', () => {
    const svg = qrSvg('https://tips.qingxi-district.example.org/s/QX-H01', 'QR')
    expect(svg.length).toBeLessThan(6000)
    expect(svg).toContain('<rect width=')
    expect(svg).not.toMatch(/M[0-3] |M\d+ [0-3]h/)
  })

  it('escapes the label it puts in an attribute', () => {
    expect(qrSvg('x', '"><script>')).toContain('aria-label="&quot;>&lt;script>"')
  })
})
