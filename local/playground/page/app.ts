/**
 * The playground page: channels, messages and threads, kept in step with the
 * local bot over server-sent events. What people type is only ever set as
 * text; the bot's replies arrive as HTML the server rendered with every value
 * escaped (see `reply-html.ts`), so no chat or cell text becomes markup here.
 */

interface PageChannel {
  id: string;
  name: string;
  topic: string;
}

interface PageMessage {
  id: string;
  channel: string;
  /** The thread's root message, for a reply. */
  thread?: string;
  author: { name: string; bot: boolean };
  at: string;
  text?: string;
  file?: { name: string; size: number };
  html?: string;
  /** How reading a shared file ended (✅ or ⚠️), as a reaction on the message. */
  mark?: string;
  /** The message was deleted. */
  removed?: true;
}

const state = {
  channels: [] as PageChannel[],
  messages: new Map<string, PageMessage>(),
  current: '',
  thread: undefined as string | undefined,
  unread: new Set<string>(),
};

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

async function send(path: string, body?: BodyInit, contentType = 'application/json', method = 'POST'): Promise<void> {
  const response = await fetch(path, { method, body, headers: { 'content-type': contentType } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { error?: string };
    alert(problem.error ?? `The local bot answered ${response.status}.`);
  }
}

function repliesTo(root: string): PageMessage[] {
  return [...state.messages.values()].filter((m) => m.thread === root).sort(byTime);
}

function byTime(a: PageMessage, b: PageMessage): number {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function renderMessage(message: PageMessage, inThread: boolean): HTMLElement {
  const row = element('article', `message${message.author.bot ? ' bot' : ''}`);
  row.dataset.id = message.id;
  row.append(element('div', 'avatar', message.author.name.slice(0, 1).toUpperCase()));
  const content = element('div');
  const meta = element('div', 'meta');
  meta.append(element('strong', undefined, message.author.name));
  meta.append(document.createTextNode(new Date(message.at).toLocaleTimeString()));
  const remove = element('button', 'remove', 'Delete');
  remove.addEventListener('click', () => {
    const path = `/api/channels/${encodeURIComponent(message.channel)}/messages/${message.id}`;
    void send(path, undefined, 'application/json', 'DELETE');
  });
  meta.append(remove);
  content.append(meta);
  if (message.text) content.append(element('div', 'body', message.text));
  if (message.file) {
    content.append(element('div', 'file-card', `📄 ${message.file.name} · ${sizeText(message.file.size)}`));
  }
  if (message.mark) content.append(element('span', 'mark', message.mark));
  if (message.html !== undefined) {
    const reply = element('div', 'body reply');
    // Rendered by the server's reply renderer, which escapes every value it places.
    reply.innerHTML = message.html;
    content.append(reply);
  }
  if (!inThread && !message.thread) {
    const count = repliesTo(message.id).length;
    const link = element('button', 'thread-link', count ? `${count} ${count === 1 ? 'reply' : 'replies'}` : 'Reply');
    link.addEventListener('click', () => openThread(message.id));
    content.append(link);
  }
  row.append(content);
  return row;
}

function renderChannels(): void {
  const list = byId('channels');
  list.replaceChildren(
    ...state.channels.map((channel) => {
      const item = element('li');
      const button = element('button', state.unread.has(channel.id) ? 'unread' : undefined, `# ${channel.name}`);
      button.setAttribute('aria-current', String(channel.id === state.current));
      button.dataset.channel = channel.id;
      button.addEventListener('click', () => selectChannel(channel.id));
      item.append(button);
      return item;
    }),
  );
}

function renderChannel(): void {
  const channel = state.channels.find((c) => c.id === state.current);
  byId('channel-name').textContent = channel ? `# ${channel.name}` : '';
  byId('channel-topic').textContent = channel?.topic ?? '';
  const roots = [...state.messages.values()].filter((m) => m.channel === state.current && !m.thread).sort(byTime);
  const list = byId('messages');
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 40;
  list.replaceChildren(...roots.map((m) => renderMessage(m, false)));
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function renderThread(): void {
  const pane = byId('thread');
  const root = state.thread ? state.messages.get(state.thread) : undefined;
  pane.hidden = !root || root.channel !== state.current;
  if (!root || pane.hidden) return;
  const list = byId('thread-messages');
  list.replaceChildren(
    renderMessage(root, true),
    element('hr'),
    ...repliesTo(root.id).map((m) => renderMessage(m, true)),
  );
  list.scrollTop = list.scrollHeight;
}

function render(): void {
  renderChannels();
  renderChannel();
  renderThread();
}

function selectChannel(id: string): void {
  state.current = id;
  state.unread.delete(id);
  state.thread = undefined;
  history.replaceState(null, '', `#${id}`);
  render();
}

function openThread(root: string): void {
  state.thread = root;
  renderThread();
  byId<HTMLTextAreaElement>('thread-text').focus();
}

async function shareFile(file: File): Promise<void> {
  const query = new URLSearchParams({ name: file.name });
  if (state.thread) query.set('thread', state.thread);
  await send(`/api/channels/${encodeURIComponent(state.current)}/files?${query}`, file, 'application/octet-stream');
}

function wireComposer(formId: string, textId: string, thread: () => string | undefined): void {
  const form = byId<HTMLFormElement>(formId);
  const input = byId<HTMLTextAreaElement>(textId);
  const submit = async () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    await send(
      `/api/channels/${encodeURIComponent(state.current)}/messages`,
      JSON.stringify({ text, thread: thread() }),
    );
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  });
}

/** Buttons in the bot's replies carry their action; the click goes back as that action, in the message's thread. */
function wireActions(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!button) return;
    const message = button.closest<HTMLElement>('[data-id]')?.dataset.id;
    const posted = message ? state.messages.get(message) : undefined;
    if (!posted) return;
    event.preventDefault();
    void send(
      `/api/channels/${encodeURIComponent(posted.channel)}/actions`,
      JSON.stringify({ action: button.dataset.action, message: posted.id, thread: posted.thread ?? posted.id }),
    );
  });
}

function wireDrops(): void {
  const overlay = byId('drop-overlay');
  const pane = byId('channel');
  let depth = 0;
  pane.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth += 1;
    overlay.hidden = false;
  });
  pane.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  pane.addEventListener('dragover', (event) => event.preventDefault());
  pane.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (file) void shareFile(file);
  });
  byId<HTMLInputElement>('file-input').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void shareFile(file);
  });
}

function listen(): void {
  const banner = byId('connection');
  const events = new EventSource('/api/events');
  events.addEventListener('open', () => (banner.hidden = true));
  events.addEventListener('error', () => (banner.hidden = false));
  events.addEventListener('message', (event) => {
    const message = JSON.parse((event as MessageEvent<string>).data) as PageMessage;
    if (message.removed) state.messages.delete(message.id);
    else state.messages.set(message.id, message);
    if (message.channel !== state.current) state.unread.add(message.channel);
    render();
  });
}

async function start(): Promise<void> {
  const response = await fetch('/api/state');
  const snapshot = (await response.json()) as { channels: PageChannel[]; messages: PageMessage[] };
  state.channels = snapshot.channels;
  for (const message of snapshot.messages) state.messages.set(message.id, message);
  const wanted = location.hash.slice(1);
  state.current = state.channels.some((c) => c.id === wanted) ? wanted : (state.channels[0]?.id ?? '');
  wireComposer('composer', 'composer-text', () => undefined);
  wireComposer('thread-composer', 'thread-text', () => state.thread);
  byId('thread-close').addEventListener('click', () => {
    state.thread = undefined;
    renderThread();
  });
  wireActions();
  wireDrops();
  render();
  listen();
}

void start();
