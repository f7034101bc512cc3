import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimulatedSms {
  id: string;
  to: string;
  text: string;
  at: string;
}

/**
 * An SMS provider as the on-call pager talks to one (SMS_URL): `POST /messages` with a JSON body
 * `{ to, text }` and `Authorization: Bearer <token>` answers 201 `{ id }`. It refuses a wrong
 * token (401), a body without an E.164 number or text (400), and answers 503 while `down`, so
 * tests see retries. `GET /messages` (same token) lists what was sent.
 */
export class SmsSimulator {
  readonly messages: SimulatedSms[] = [];
  /** While true every send is refused with 503 (the provider is down). */
  down = false;
  private server: Server | null = null;

  constructor(readonly token = 'sms-sim-token') {}

  get url(): string {
    const port = (this.server?.address() as AddressInfo | null)?.port ?? 0;
    return `http://127.0.0.1:${port}/messages`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** The messages sent to `to` (E.164). */
  to(number: string): SimulatedSms[] {
    return this.messages.filter((m) => m.to === number);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.url !== '/messages') return { status: 404, body: { error: 'not found' } };
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return { status: 401, body: { error: 'bad token' } };
    if (req.method === 'GET') return { status: 200, body: this.messages };
    if (req.method !== 'POST') return { status: 405, body: { error: 'method' } };
    if (this.down) return { status: 503, body: { error: 'provider down' } };
    let parsed: { to?: unknown; text?: unknown };
    try {
      parsed = JSON.parse(await read(req)) as typeof parsed;
    } catch {
      return { status: 400, body: { error: 'body must be JSON' } };
    }
    if (typeof parsed.to !== 'string' || !/^\+\d{8,15}$/.test(parsed.to))
      return { status: 400, body: { error: 'to must be an E.164 number' } };
    if (typeof parsed.text !== 'string' || !parsed.text)
      return { status: 400, body: { error: 'text is required' } };
    const sms = {
      id: `sms-${this.messages.length + 1}`,
      to: parsed.to,
      text: parsed.text,
      at: new Date().toISOString(),
    };
    this.messages.push(sms);
    return { status: 201, body: { id: sms.id } };
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
