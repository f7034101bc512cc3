import type { ChatSessionEntity } from './entities/chat-session.entity';

export interface ChatMessageView {
  id: string;
  sender: 'citizen' | 'agent';
  authorName: string;
  body: string;
  at: string;
}

/** A chat as agents see it in the console (the citizen sees only the transcript and the agent's name). */
export interface ChatView {
  id: string;
  municipalityCode: string;
  language: string;
  desk: 'municipal' | 'regional';
  status: 'waiting' | 'active' | 'ended';
  citizenName: string | null;
  citizenEmail: string | null;
  agent: { id: string; name: string } | null;
  ticketReference: string | null;
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  /** The citizen's first message: what the chat is about, in the inbox. */
  opening: string | null;
}

export function chatView(row: ChatSessionEntity, opening: string | null): ChatView {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    language: row.language,
    desk: row.desk,
    status: row.status,
    citizenName: row.citizenName,
    citizenEmail: row.citizenEmail,
    agent: row.agentId ? { id: row.agentId, name: row.agentName ?? '' } : null,
    ticketReference: row.ticketReference,
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    opening,
  };
}
