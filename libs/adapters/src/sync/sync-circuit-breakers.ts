import { Injectable } from '@nestjs/common';
import { AppConfig } from '@meldpunt/config';
import type { BackOfficeConnection } from '../port/back-office-adapter';
import { CircuitBreaker, CircuitBreakers } from './circuit-breaker';

/** This process's circuit breakers, one per connector (municipality and base URL). */
@Injectable()
export class SyncCircuitBreakers {
  private readonly breakers: CircuitBreakers;

  constructor(config: AppConfig) {
    this.breakers = new CircuitBreakers(config.syncBreakerThreshold, config.syncBreakerOpenMs);
  }

  for(conn: BackOfficeConnection): CircuitBreaker {
    return this.breakers.for(`${conn.municipalityCode} ${conn.baseUrl}`);
  }

  states(): Record<string, string> {
    return this.breakers.states();
  }
}
