import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { isIP, type AddressInfo } from "node:net";
import type { Resolver } from "../../src/fetch/address-policy.js";
import type { FetchOptions } from "../../src/fetch/options.js";

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalServer {
  readonly origin: string;
  readonly port: number;
  /** Connections accepted so far: a refused fetch must leave this at zero. */
  readonly connections: number;
  readonly requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Serves `routes` by path on 127.0.0.1 and a random port; any other path is a 404. */
export async function serveLocally(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: IncomingMessage[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    requests.push(request);
    const route = routes[new URL(request.url ?? "/", "http://local").pathname];
    if (route) route(request, response);
    else response.writeHead(404, { "content-type": "text/html" }).end("<title>Not found</title>");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function respond(body: string | Buffer, headers: OutgoingHttpHeaders = { "content-type": "text/html; charset=utf-8" }): Route {
  return (_request, response) => response.writeHead(200, headers).end(body);
}

/** A DNS of the test's own: the names given, and for any other name the answer a missing host gets. */
export function resolverFor(names: Record<string, string[]> = {}): Resolver {
  return async (hostname) => {
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: isIP(address) }));
  };
}

/** Lets a fetch reach the test's loopback server and nothing else that is not public; no name reaches a real resolver. */
export function localOptions(options: Partial<FetchOptions> = {}): Partial<FetchOptions> {
  return { allowPrivateAddresses: ["127.0.0.1"], resolve: resolverFor(), ...options };
}
