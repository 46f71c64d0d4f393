import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export type StaticClient = {
  indexHtml: string | undefined;
  serve(req: IncomingMessage, res: ServerResponse): void;
};

/**
 * Serves the built SvelteKit app: hashed assets cached for a year, everything else revalidated,
 * and unknown paths answered with index.html so client-side routes work on reload.
 */
export function staticClient(buildDir: string): StaticClient {
  const indexFile = join(buildDir, 'index.html');
  if (!existsSync(indexFile)) {
    return {
      indexHtml: undefined,
      serve: (_req, res) => {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The web app is not built yet: run `npm run build -w client`.\n');
      },
    };
  }
  const assets = sirv(buildDir, {
    single: true,
    dev: false,
    etag: true,
    gzip: false,
    brotli: false,
    setHeaders: (res, pathname) => {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/_app/immutable/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  return {
    indexHtml: readFileSync(indexFile, 'utf8'),
    serve: (req, res) =>
      assets(req, res, () => {
        res.writeHead(404).end();
      }),
  };
}
