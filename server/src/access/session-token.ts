/** Reads the session token from a request's cookies (HTTP requests and WebSocket upgrades). */
import type { IncomingMessage } from 'node:http';
import { parse } from 'cookie';
import { SESSION_COOKIE } from '@setboard/shared';

export function readSessionToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}
