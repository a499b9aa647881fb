import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ChatRoom, type RoomFile, type RoomMessage } from '../../workers/playground/chat-room';

const FileMeta = z.object({ channel: z.string(), name: z.string(), contentType: z.string() });

/** How long edits gather before the history is written: progress comes in bursts. */
const SAVE_DELAY_MS = 250;

async function readMessages(path: string): Promise<RoomMessage[]> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RoomMessage[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readFiles(folder: string): Promise<Map<string, RoomFile>> {
  const files = new Map<string, RoomFile>();
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const id = name.slice(0, -'.json'.length);
    const meta = FileMeta.parse(JSON.parse(await readFile(join(folder, name), 'utf8')));
    files.set(id, { ...meta, bytes: await readFile(join(folder, id)) });
  }
  return files;
}

/** History is a convenience: a failed write is said in the terminal, and the chat goes on. */
function warn(error: unknown): void {
  console.error(`Could not keep the playground's history: ${(error as Error).message}`);
}

export interface RoomWithHistory {
  room: ChatRoom;
  /** Writes what is pending; called when the runner stops. */
  flush(): Promise<void>;
}

/**
 * The playground's chat, kept in `folder` (inside the data folder) so a
 * restarted `npm start` shows the conversations its datasets came from:
 * the messages as one JSON file, each file (upload, chart, export) beside it.
 */
export async function roomWithHistory(folder: string): Promise<RoomWithHistory> {
  const fileFolder = join(folder, 'files');
  await mkdir(fileFolder, { recursive: true });
  const messagesPath = join(folder, 'messages.json');
  const pendingFiles: Promise<void>[] = [];
  const room = new ChatRoom({
    history: { messages: await readMessages(messagesPath), files: await readFiles(fileFolder) },
    onFile: (id, { bytes, transient, ...meta }) => {
      if (transient) return;
      pendingFiles.push(
        writeFile(join(fileFolder, id), bytes).then(() =>
          writeFile(join(fileFolder, `${id}.json`), JSON.stringify(meta)),
        ),
      );
    },
  });
  let timer: NodeJS.Timeout | undefined;
  let saving = Promise.resolve();
  const save = async () => {
    timer = undefined;
    // Written beside, then renamed: a stop in the middle never leaves half a history.
    await writeFile(`${messagesPath}.tmp`, JSON.stringify(room.all()));
    await rename(`${messagesPath}.tmp`, messagesPath);
  };
  room.listen(() => {
    timer ??= setTimeout(() => (saving = saving.then(save).catch(warn)), SAVE_DELAY_MS);
  });
  return {
    room,
    flush: async () => {
      if (timer) {
        clearTimeout(timer);
        saving = saving.then(save).catch(warn);
      }
      await Promise.all([saving, ...pendingFiles]);
    },
  };
}
