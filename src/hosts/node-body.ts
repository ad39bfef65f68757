import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest } from 'node:http2'

/** Decodes as `Request.text()` does: UTF-8, a replacement character for bad bytes, a leading byte-order mark dropped. */
const utf8 = new TextDecoder()

/**
 * Lets the app read a request's body straight from Node's stream. `@hono/node-server` hands the app a
 * light request object that builds a full WHATWG `Request` (undici) with a web `ReadableStream` over the
 * socket the first time the body is read; under intake load that construction and the stream plumbing
 * were about a tenth of the request thread's time, for bodies that are a few hundred bytes. Here
 * `text()`, `json()` and `arrayBuffer()` — what Hono's `c.req.json()` and `c.req.text()` call — collect the
 * Node stream's chunks into one buffer instead and decode it as `Request` does. Everything else (`formData()`, `body`, `signal`) is
 * left to the adapter; the app uses one way of reading a body per request.
 *
 * The size is not checked here: the app's `limitBody` has refused an oversize Content-Length before any
 * handler reads, and a chunked body goes through Hono's counting `bodyLimit`, which replaces the request.
 *
 * @example
 * serve({ fetch: (request, env) => app.fetch(readBodyFromNode(request, env.incoming), env) })
 */
export function readBodyFromNode(request: Request, incoming: IncomingMessage | Http2ServerRequest): Request {
  if (request.method === 'GET' || request.method === 'HEAD') return request
  let bytes: Promise<Buffer> | undefined
  const read = () => (bytes ??= collect(incoming))
  const text = () => read().then((buffer) => utf8.decode(buffer))
  Object.defineProperties(request, {
    text: { value: text },
    json: { value: () => text().then((body) => JSON.parse(body) as unknown) },
    arrayBuffer: {
      value: () => read().then((buffer) => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)),
    },
  })
  return request
}

function collect(incoming: IncomingMessage | Http2ServerRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let ended = false
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.once('end', () => {
      ended = true
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))
    })
    incoming.once('error', reject)
    // A client that hangs up mid-body: the stream closes without an end.
    incoming.once('close', () => {
      if (!ended) reject(new Error('the request body ended early'))
    })
  })
}
