import { Client, Context, Middleware, MiddlewareFactory } from "@microsoft/microsoft-graph-client";

/**
 * Adapts the SDK to the emulator's http:// loopback origin, which it does not expect: its AuthenticationHandler
 * adds the token only for https:// hosts, and `client.api(nextLink)` treats an http:// next link as a relative
 * path. This step (placed just before the SDK's own HTTP handler) undoes the path mangling and adds the token.
 */
class LoopbackAdapter implements Middleware {
  private next?: Middleware;

  constructor(private readonly token: string) {}

  async execute(context: Context): Promise<void> {
    if (typeof context.request === "string") context.request = context.request.replace(/^https?:\/\/[^/]+\/v1\.0\/+(https?:\/\/)/, "$1");
    context.options = {
      ...context.options,
      headers: { ...(context.options?.headers as Record<string, string>), Authorization: `Bearer ${this.token}` },
    };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** The Graph JS SDK with its default middleware chain (auth, retry, redirect, telemetry, HTTP), pointed at the emulator. */
export function sdkClient(url: string, token: string): Client {
  const authProvider = { getAccessToken: () => Promise.resolve(token) };
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  chain.splice(chain.length - 1, 0, new LoopbackAdapter(token));
  return Client.initWithMiddleware({ middleware: chain, baseUrl: `${url}/`, defaultVersion: "v1.0" });
}
