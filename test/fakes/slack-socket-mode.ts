import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Slack's Socket Mode endpoint on loopback: it greets with `hello`, sends
 * envelopes (`events_api`, `slash_commands`, `interactive`) and collects the
 * acks, so the real Bolt `SocketModeReceiver` runs unchanged. `FakeSlack`
 * hands out its URL from `apps.connections.open`.
 */
export class FakeSocketMode {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private connected: Promise<void> | undefined;

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server?.once('listening', resolve));
    this.connected = new Promise((resolve) => {
      this.server?.on('connection', (socket) => {
        this.socket = socket;
        socket.on('message', (data) => {
          const ack = JSON.parse(String(data)) as SocketAck;
          this.waiting.get(ack.envelope_id)?.(ack);
          this.waiting.delete(ack.envelope_id);
        });
        socket.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' }, debug_info: {} }),
        );
        resolve();
      });
    });
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server?.address() as AddressInfo).port}/link`;
  }

  /** Resolves once the app has opened its connection. */
  async connection(): Promise<void> {
    await this.connected;
  }

  /** Sends one envelope and resolves with the app's ack. */
  async send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): Promise<SocketAck> {
    await this.connected;
    const envelopeId = randomUUID();
    const acked = new Promise<SocketAck>((resolve) => this.waiting.set(envelopeId, resolve));
    this.socket?.send(
      JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }),
    );
    return acked;
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
