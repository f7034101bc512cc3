export * from './standard-answers.module';
import { StandardAnswerEntity } from './standard-answer.entity';
export const STANDARD_ANSWER_ENTITIES = [StandardAnswerEntity];
