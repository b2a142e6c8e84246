import type { Request } from 'express';
import type { AccessServices } from '../access/services.js';

/** What route modules need besides their input. */
export interface RouteDeps {
  services: AccessServices;
  /** Marks the session cookie Secure. */
  https: boolean;
  /** The public address, for the links people copy; else taken from the request. */
  publicUrl: string | undefined;
}

/** The origin to put in links: PUBLIC_URL's, or the one this request reached. */
export function linkOrigin(req: Request, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.get('host')}`;
}

/** Today as YYYY-MM-DD (UTC), for "next meeting". */
export function isoToday(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
