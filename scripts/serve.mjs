// Serves the demo shop (demo/) and the built library (/dist/) on localhost, with a consent-log
// endpoint (POST /consent-log), the configurator (/configurator.html, from its template) and strict-CSP pages: /csp.html, the gallery (/gallery.html and its frames), and the test pages holds-*.html that
// carry {{nonce}} (with 'strict-dynamic', and the nonce for <style> too; with Trusted Types when asked:
// ?tt=policy-names).
// `npm start` runs it; the e2e tests and the benchmark start it in-process with startServer().
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configuratorPage, SERVED } from './configurator-page.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Start the server; resolves with its URL, the consent log it received, and close(). */
export function startServer({ port = 0, host = '127.0.0.1' } = {}) {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/consent-log') {
      if (req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        try {
          log.push(JSON.parse(body));
        } catch {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(204).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log));
      }
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = /^\/(dist|node_modules|bench\/pages|test\/pages|test\/fixtures)\//.test(path)
      ? join(root, normalize(path))
      : join(root, 'demo', normalize(path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      // The configurator's page is made from its one template (scripts/configurator-page.mjs).
      let body = path === '/configurator.html' ? Buffer.from(configuratorPage(SERVED)) : await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      const holds = path.startsWith('/test/pages/holds-') && body.includes('{{nonce}}');
      if (/^\/(csp|gallery|gallery-frame)\.html$/.test(path) || holds) {
        const nonce = randomBytes(16).toString('base64');
        const tt = url.searchParams.get('tt');
        body = body.toString().replaceAll('{{nonce}}', nonce);
        headers['content-security-policy'] =
          `default-src 'self'; script-src 'self' 'nonce-${nonce}'${holds ? " 'strict-dynamic'" : ''}; style-src 'self'${holds ? ` 'nonce-${nonce}'` : ''}; img-src 'self' data:; frame-src 'self'; connect-src 'self'` +
          (tt === null ? '' : `; require-trusted-types-for 'script'; trusted-types ${tt}`);
      }
      // Compress text as a real shop's server would (the benchmark's transfer sizes depend on it).
      if (/text|json|svg/.test(headers['content-type']) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${p}`, port: p, log, close: () => new Promise((r) => server.close(r)) });
    }),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT || 8080) });
  console.log(`Keksi demo shop: ${url}/  (privacy notice: ${url}/tietosuojaseloste.html)  — Ctrl+C to stop`);
}
