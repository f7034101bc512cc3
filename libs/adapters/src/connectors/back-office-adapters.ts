import { Injectable } from '@nestjs/common';
import type { BackOfficeAdapter, BackOfficeType } from '../port/back-office-adapter';
import { ThreePAdapter } from './threep/threep.adapter';
import { TopdeskAdapter } from './topdesk/topdesk.adapter';
import { UltimoAdapter } from './ultimo/ultimo.adapter';
import { WebhookAdapter } from './webhook/webhook.adapter';

/** The connector of each back-office type. Connectors are stateless apart from rate limiters. */
@Injectable()
export class BackOfficeAdapters {
  private readonly adapters: Record<BackOfficeType, BackOfficeAdapter> = {
    topdesk: new TopdeskAdapter(),
    ultimo: new UltimoAdapter(),
    '3p': new ThreePAdapter(),
    webhook: new WebhookAdapter(),
  };

  for(type: BackOfficeType): BackOfficeAdapter {
    return this.adapters[type];
  }
}
