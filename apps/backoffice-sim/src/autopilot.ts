import type { SimRequest, SimulatedTool } from './sim-http';

export interface AutopilotOptions {
  /** After this long a new case is taken up (in progress). */
  takeUpAfterMs: number;
  /** After this long a case taken up is completed, with a closing text. */
  completeAfterMs: number;
  tickMs: number;
}

const CLOSING_TEXTS = [
  'De technische dienst heeft het probleem ter plaatse opgelost.',
  'Herstelling uitgevoerd door de ploeg openbaar domein.',
  'We hebben de situatie nagekeken en in orde gebracht.',
];

interface AdminCase {
  id: string;
  completed: boolean;
  closed: boolean;
}

/**
 * Plays the back-office operators on the demo: each new case is taken up after a while and later
 * completed with a closing text, through the tools' own admin surface, so a newcomer sees tickets
 * travel the whole way without clicking anything in a simulator.
 */
export class Autopilot {
  private readonly firstSeen = new Map<string, { at: number; stage: 'new' | 'taken-up' | 'done' }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tools: SimulatedTool[],
    private readonly options: AutopilotOptions = {
      takeUpAfterMs: 20_000,
      completeAfterMs: 60_000,
      tickMs: 2000,
    },
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick().catch(() => undefined), this.options.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(now = Date.now()): Promise<void> {
    for (const tool of this.tools) {
      const listed = await tool.admin(request('GET', '/cases'));
      for (const c of (listed.body as AdminCase[]) ?? []) {
        const key = `${tool.key}:${c.id}`;
        const seen = this.firstSeen.get(key) ?? { at: now, stage: c.completed || c.closed ? 'done' : 'new' };
        this.firstSeen.set(key, seen);
        if (seen.stage === 'new' && now - seen.at >= this.options.takeUpAfterMs) {
          await tool.admin(request('POST', `/cases/${c.id}/status`, { status: 'in_progress' }));
          seen.stage = 'taken-up';
        } else if (seen.stage === 'taken-up' && now - seen.at >= this.options.completeAfterMs) {
          const closingText = CLOSING_TEXTS[Math.floor(Math.random() * CLOSING_TEXTS.length)];
          await tool.admin(request('POST', `/cases/${c.id}/status`, { status: 'completed', closingText }));
          seen.stage = 'done';
        }
      }
    }
  }
}

function request(method: string, path: string, body?: unknown): SimRequest {
  return {
    method,
    path,
    query: new URLSearchParams(),
    headers: {},
    body,
    invalidJson: false,
    raw: Buffer.alloc(0),
  };
}
