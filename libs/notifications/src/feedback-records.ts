import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { FeedbackEntity } from './entities/feedback.entity';

/** Fills the feedback table from the tickets' feedback events; the event id makes a repeat harmless. */
@Injectable()
export class FeedbackRecords {
  constructor(@InjectRepository(FeedbackEntity) private readonly rows: Repository<FeedbackEntity>) {}

  async record(feedback: Omit<FeedbackEntity, 'id'>): Promise<void> {
    await this.rows.createQueryBuilder().insert().values(feedback).orIgnore().execute();
  }
}
