import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresChangeFeed } from './postgres-change-feed.js';

/** A TCP server that accepts connections and never answers, like a hung database. */
async function silentServer(): Promise<{
  server: Server;
  port: number;
  sockets: Socket[];
  closed: () => number;
}> {
  const sockets: Socket[] = [];
  let closed = 0;
  const server = createServer((socket) => {
    sockets.push(socket);
    // Read (and drop) whatever arrives, so the peer's close is noticed.
    socket.resume();
    socket.on('close', () => {
      closed += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, sockets, closed: () => closed };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('openPostgresChangeFeed', () => {
  it('closes at once while its connection attempt hangs, leaving no socket open', async () => {
    const { server, port, sockets, closed } = await silentServer();
    cleanup = async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    };
    let signals = 0;
    const feed = openPostgresChangeFeed(`postgres://postgres@127.0.0.1:${port}/db`, () => {
      signals += 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sockets.length).toBe(1);
    const started = Date.now();
    await feed.close();
    expect(Date.now() - started).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed()).toBe(1);
    expect(signals).toBe(0);
  });

  it('keeps retrying a refused connection with backoff until closed, then stops', async () => {
    const { server, port } = await silentServer();
    // Nothing listens on this port any more: every attempt is refused at once.
    await new Promise((resolve) => server.close(resolve));
    const feed = openPostgresChangeFeed(`postgres://postgres@127.0.0.1:${port}/db`, () => {});
    await new Promise((resolve) => setTimeout(resolve, 400));
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await feed.close();
    const timersAfter = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    expect(timersAfter).toBeLessThan(timersBefore);
  });
});
