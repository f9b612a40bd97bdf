import net from "node:net";
import { GraphClient, graphPath, transportFor } from "../../src/graph";
import { TestEnv, startTestEnv } from "../helpers/setup";

/** What the transport does once per connection rather than once per request. */
let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ userCount: 5, groupCount: 1 });
});
afterAll(() => env.emulator.close());

function client(): GraphClient {
  return new GraphClient({ baseUrl: env.emulator.url, accessToken: env.token, transport: transportFor({}) });
}

test("a pooled socket keeps one TCP keep-alive setting, so reusing it costs no system calls", async () => {
  const delays: number[] = [];
  const original = net.Socket.prototype.setKeepAlive;
  const spy = jest.spyOn(net.Socket.prototype, "setKeepAlive").mockImplementation(function (this: net.Socket, enable, delay) {
    delays.push(Number(delay ?? 0));
    return original.call(this, enable, delay);
  });
  try {
    const graph = client();
    const userId = env.emulator.directory.users[0].id as string;
    for (let i = 0; i < 5; i++) await graph.get(graphPath`/users/${userId}`);
  } finally {
    spy.mockRestore();
  }
  expect(delays.length).toBeGreaterThan(0);
  // Node reconfigures the socket only when the delay changes; axios and the agent must ask for the same one.
  expect(new Set(delays).size).toBe(1);
});

test("the environment's proxy variables are not read: a connection without a proxy goes direct", async () => {
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY };
  // Nothing listens on port 9: any request sent to this "proxy" would fail.
  process.env.HTTP_PROXY = "http://127.0.0.1:9";
  process.env.http_proxy = "http://127.0.0.1:9";
  delete process.env.NO_PROXY;
  try {
    const userId = env.emulator.directory.users[1].id as string;
    await expect(client().get(graphPath`/users/${userId}`)).resolves.toMatchObject({ id: userId });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});
