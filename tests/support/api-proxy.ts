import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface HoldingProxy {
  /** The TELEGRAM_API_ROOT that goes through this proxy. */
  apiRoot: string;
  /** From now on, calls that send or edit a message get no answer and never reach Telegram. */
  holdSends(): void;
  /** Calls held so far. */
  readonly held: number;
  close(): Promise<void>;
}

const SENDING = /\/(send\w*|edit\w*|copyMessage|forwardMessage)$/i;

function forward(target: URL, incoming: IncomingMessage, answer: ServerResponse): void {
  const outgoing = request(
    new URL(incoming.url ?? "/", target),
    { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
    (response) => {
      answer.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(answer);
    },
  );
  outgoing.once("error", () => answer.destroy());
  incoming.pipe(outgoing);
}

/**
 * One bot process's way to the Bot API emulator, which can stop its messages on the way: a process killed while
 * its sends are held dies in the middle of handling updates, none of whose answers reached the user.
 */
export async function holdingProxy(apiRoot: string): Promise<HoldingProxy> {
  const target = new URL(apiRoot);
  let holding = false;
  let held = 0;
  const server = createServer((incoming, answer) => {
    if (holding && SENDING.test(new URL(incoming.url ?? "/", target).pathname)) {
      held++;
      incoming.resume();
      return;
    }
    forward(target, incoming, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    holdSends: () => void (holding = true),
    get held() {
      return held;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
