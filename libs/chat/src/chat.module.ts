import { Module } from '@nestjs/common';
import { IdentityModule } from '@meldpunt/identity';
import { MunicipalitiesModule } from '@meldpunt/municipalities';
import { SlaModule } from '@meldpunt/sla';
import { TicketsModule } from '@meldpunt/tickets';
import { AgentChatGateway } from './agent-chat.gateway';
import { ChatDesks } from './chat-desks';
import { ChatRelay } from './chat-relay';
import { ChatSessions } from './chat-sessions';
import { CitizenChatGateway } from './citizen-chat.gateway';
import { ChatPageController } from './citizen/chat-page.controller';

/** Live chat: the citizens' widget and page, the agents' side on the console socket. */
@Module({
  imports: [IdentityModule, MunicipalitiesModule, SlaModule, TicketsModule],
  controllers: [ChatPageController],
  providers: [ChatSessions, ChatDesks, ChatRelay, CitizenChatGateway, AgentChatGateway],
})
export class ChatModule {}
