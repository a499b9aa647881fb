import type { JobQueue } from '../../core/job-queue';
import type { ChatRoom } from '../../workers/playground/chat-room';
import { PageAssets } from './page-assets';
import { playgroundEdge } from './playground-edge';
import { PlaygroundServer } from './playground-server';

export interface Playground {
  /** Where the page is served, on loopback. */
  url: string;
  /** The chat the page shows. */
  room: ChatRoom;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  room: ChatRoom;
  queue: JobQueue;
  port: number;
  maxUploadBytes: number;
}

/** Serves the playground page on 127.0.0.1, its edge queuing jobs for the worker that posts into `room`. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { room } = options;
  const server = new PlaygroundServer({
    room,
    edge: playgroundEdge({ room, queue: options.queue }),
    assets: await PageAssets.load(),
    readFile: async (id) => {
      const file = room.file(id);
      return file && { bytes: file.bytes, contentType: file.contentType, name: file.name };
    },
    maxUploadBytes: options.maxUploadBytes,
    port: options.port,
  });
  const url = await server.start();
  return { url, room, stop: () => server.stop() };
}
