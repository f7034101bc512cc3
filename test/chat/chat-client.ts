import { io, type Socket } from 'socket.io-client';

/** A socket.io client that waits for its connection, and asks with an acknowledgement. */
export async function connect(url: string, auth?: Record<string, string>): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function ask<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  body: object = {},
): Promise<T & { ok: boolean; error?: string; field?: string; rule?: string }> {
  return socket.timeout(5000).emitWithAck(event, body);
}

/** The next `event` on this socket (optionally the first that matches). */
export function next<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  match: (p: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event} not received within 5 s`)), 5000);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}
