import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useWorkspace } from '../state/workspace';

interface Chat {
  id: string;
  municipalityCode: string;
  desk: 'municipal' | 'regional';
  status: 'waiting' | 'active' | 'ended';
  citizenName: string | null;
  agent: { id: string; name: string } | null;
  ticketReference: string | null;
  createdAt: string;
  opening: string | null;
}

interface Line {
  id: string;
  sender: 'citizen' | 'agent';
  authorName: string;
  body: string;
}

type Ack<T> = (T & { ok: true }) | { ok: false; error: string };

/**
 * Live chats: the inbox of the desk (waiting chats, oldest first, and the ones this agent holds),
 * and the open conversation: lines both ways, the citizen typing, and ending it as a ticket.
 */
export function ChatsView() {
  const { t, language } = useI18n();
  const { live, session, categoriesFor } = useWorkspace();
  const [chats, setChats] = useState<Chat[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [typing, setTyping] = useState(false);
  const [left, setLeft] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [category, setCategory] = useState('');
  const [reference, setReference] = useState('');
  const openRef = useRef<string | null>(null);
  openRef.current = openId;
  const typingTimer = useRef<number | null>(null);

  const reload = useCallback(async () => {
    const ack = await live?.chat<Ack<{ chats: Chat[] }>>('chat.list');
    if (ack?.ok) setChats(ack.chats);
  }, [live]);

  const openChat = useCallback(
    async (id: string) => {
      const ack = await live?.chat<Ack<{ messages: Line[] }>>('chat.transcript', { chatId: id });
      if (!ack?.ok) return;
      setOpenId(id);
      setLines(ack.messages);
      setLeft(false);
      setTyping(false);
    },
    [live],
  );

  useEffect(() => {
    if (!live) return;
    void reload();
    return live.onChat((event, payload) => {
      const p = payload as { chat?: Chat; chatId?: string; message?: Line; typing?: boolean };
      if (event === 'chat.resync') void reload();
      if ((event === 'chat.waiting' || event === 'chat.updated') && p.chat) {
        const chat = p.chat;
        setChats((list) =>
          chat.status === 'ended' || (chat.status === 'active' && chat.agent?.id !== session.user.id)
            ? list.filter((c) => c.id !== chat.id)
            : [...list.filter((c) => c.id !== chat.id), chat],
        );
      }
      if (p.chatId !== openRef.current) return;
      if (event === 'chat.message' && p.message) {
        const message = p.message;
        setLines((all) => (all.some((l) => l.id === message.id) ? all : [...all, message]));
      }
      if (event === 'chat.typing') setTyping(p.typing === true);
      if (event === 'chat.left') setLeft(true);
    });
  }, [live, reload, session.user.id]);

  const accept = async (id: string) => {
    setNotice(null);
    const ack = await live?.chat<Ack<{ taken: boolean; chat: Chat }>>('chat.accept', { chatId: id });
    if (!ack?.ok) return setNotice(t('common.network'));
    if (ack.taken) {
      setNotice(t('chat.taken'));
      setChats((list) => list.filter((c) => c.id !== id));
      return;
    }
    setChats((list) => [...list.filter((c) => c.id !== id), ack.chat]);
    await openChat(id);
  };

  const send = async () => {
    if (!openId || !draft.trim()) return;
    const ack = await live?.chat<Ack<{ message: Line }>>('chat.message', { chatId: openId, body: draft });
    if (!ack?.ok) return setNotice(t('common.network'));
    setLines((all) => (all.some((l) => l.id === ack.message.id) ? all : [...all, ack.message]));
    setDraft('');
  };

  const onDraft = (value: string) => {
    setDraft(value);
    if (!openId) return;
    if (typingTimer.current === null) void live?.chat('chat.typing', { chatId: openId, typing: true });
    if (typingTimer.current !== null) window.clearTimeout(typingTimer.current);
    typingTimer.current = window.setTimeout(() => {
      typingTimer.current = null;
      void live?.chat('chat.typing', { chatId: openId, typing: false });
    }, 2000);
  };

  const end = async () => {
    if (!openId) return;
    const body = reference.trim()
      ? { chatId: openId, ticketReference: reference.trim() }
      : { chatId: openId, categoryCode: category };
    const ack = await live?.chat<Ack<{ chat: Chat }>>('chat.end', body);
    if (!ack?.ok) return setNotice(ack?.error ?? t('common.network'));
    setNotice(t('chat.filed', { reference: ack.chat.ticketReference ?? '' }));
    setChats((list) => list.filter((c) => c.id !== openId));
    setOpenId(null);
    setLines([]);
  };

  const waiting = chats.filter((c) => c.status === 'waiting');
  const mine = chats.filter((c) => c.status === 'active' && c.agent?.id === session.user.id);
  const open = chats.find((c) => c.id === openId);
  return (
    <main id="main" className="chats" aria-labelledby="chats-title">
      <h1 id="chats-title">{t('chat.title')}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="chats-grid">
        <section aria-labelledby="chats-waiting">
          <h2 id="chats-waiting">{t('chat.waiting', { count: waiting.length })}</h2>
          {waiting.length === 0 ? <p className="muted">{t('chat.none')}</p> : null}
          <ul className="chat-list">
            {waiting.map((c) => (
              <li key={c.id} data-testid="chat-waiting">
                <strong>{c.citizenName ?? t('chat.citizen')}</strong> · {c.municipalityCode}
                {c.desk === 'regional' ? ` · ${t('chat.regional')}` : ''}
                <p>{c.opening}</p>
                <button type="button" onClick={() => void accept(c.id)}>
                  {t('chat.accept')}
                </button>
              </li>
            ))}
          </ul>
          <h2>{t('chat.mine', { count: mine.length })}</h2>
          <ul className="chat-list">
            {mine.map((c) => (
              <li key={c.id}>
                <button type="button" aria-pressed={c.id === openId} onClick={() => void openChat(c.id)}>
                  {c.citizenName ?? t('chat.citizen')} · {c.municipalityCode}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {open ? (
          <section aria-labelledby="chat-open" className="chat-conversation" data-testid="chat-conversation">
            <h2 id="chat-open">
              {open.citizenName ?? t('chat.citizen')} · {open.municipalityCode}
            </h2>
            <ol className="chat-lines" aria-live="polite">
              {lines.map((l) => (
                <li key={l.id} className={l.sender}>
                  <strong>
                    {l.sender === 'citizen' ? (open.citizenName ?? t('chat.citizen')) : l.authorName}:
                  </strong>{' '}
                  {l.body}
                </li>
              ))}
            </ol>
            <p className="muted" aria-live="polite">
              {typing ? t('chat.typing') : left ? t('chat.left') : ''}
            </p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void send();
              }}
            >
              <label htmlFor="chat-draft">{t('chat.message')}</label>
              <textarea
                id="chat-draft"
                value={draft}
                maxLength={2000}
                onChange={(e) => onDraft(e.target.value)}
              />
              <button type="submit">{t('chat.send')}</button>
            </form>
            <fieldset className="chat-end">
              <legend>{t('chat.end')}</legend>
              <label htmlFor="chat-category">{t('chat.category')}</label>
              <select id="chat-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">—</option>
                {categoriesFor(open.municipalityCode).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name[language]}
                  </option>
                ))}
              </select>
              <label htmlFor="chat-reference">{t('chat.reference')}</label>
              <input
                id="chat-reference"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
                placeholder="ZWVL-2026-000123"
              />
              <button type="button" disabled={!category && !reference.trim()} onClick={() => void end()}>
                {t('chat.endButton')}
              </button>
            </fieldset>
          </section>
        ) : null}
      </div>
    </main>
  );
}
