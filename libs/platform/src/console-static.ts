import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

export const CONSOLE_PATH = '/console';

// The console is a same-origin bundle: scripts, styles and the socket from this server only, no
// inline code (attachments are shown from blob: URLs the console makes of what it fetched with
// the agent's token). CSP Level 3 lets 'self' cover the same host's ws:/wss: (the socket.io connection).
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/console next to the compiled api (dist/libs/platform/src), or under the repository (ts-jest). */
export function consoleBuildDir(): string | null {
  const candidates = [resolve(__dirname, '../../../console'), resolve(__dirname, '../../../dist/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the agents' console (built by `npm run build` into dist/console) at /console: hashed
 * assets cached for a year, index.html revalidated on every load so a new release reaches agents
 * at once, and every other GET below /console answered with index.html (the console's own
 * routes, e.g. /console/tickets/ZWVL-2026-000042). Nothing outside /console changes: unknown API
 * paths keep their JSON 404. Without a build the console is simply not served.
 */
export function serveConsole(app: NestExpressApplication, dir = consoleBuildDir()): boolean {
  if (!dir) return false;
  const index = join(dir, 'index.html');
  const router = express.Router();
  router.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    next();
  });
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
  );
  router.use('/assets', (req: Request, res: Response) => {
    res.status(404).json({ statusCode: 404, error: 'Not Found', message: `No console asset ${req.path}` });
  });
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use(CONSOLE_PATH, router);
  return true;
}
