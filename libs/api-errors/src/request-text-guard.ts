import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-body';
import { findBrokenPath, findBrokenText } from './request-text-rules';

/**
 * Express middleware placed right after the body parser, before any route: a path, query or JSON
 * body holding text PostgreSQL cannot store, or nested too deep to validate, is refused with a 400
 * naming the field, so no query ever sees it (it used to surface as a 500 from the database or a
 * stack overflow in validation).
 */
export function requestTextGuard(req: Request, res: Response, next: NextFunction): void {
  const broken = findBrokenPath(req.path) ?? findBrokenText(req.query) ?? findBrokenText(req.body as unknown);
  if (!broken) return next();
  res.status(400).json(errorBody(400, 'The request is invalid', [broken]));
}
