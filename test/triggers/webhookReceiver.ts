import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestEnv } from "../helpers/setup";
import { silentLogger } from "./silentLogger";
import { closeServer } from "../../emulator/kernel/http";

export interface TriggerOutcome {
  branch?: string;
  payload: {
    headers: Record<string, string>;
    queryParameters: Record<string, string>;
    rawBody: { data: unknown };
    body: { data: unknown };
  };
  response?: { statusCode: number; contentType: string; body?: string };
  instanceState?: Record<string, unknown>;
  crossFlowState?: Record<string, unknown>;
}

type LifecycleHandler = (context: Record<string, unknown>, params: Record<string, unknown>) => Promise<TriggerOutcome | undefined>;

/**
 * Stands in for the platform's webhook endpoint of one flow: each HTTP request becomes a trigger payload, runs
 * the trigger through the harness with the instance's state, persists the state it returns and answers with its response.
 */
export class WebhookReceiver {
  readonly instanceState: Record<string, unknown> = {};
  readonly crossFlowState: Record<string, unknown> = {};
  readonly outcomes: TriggerOutcome[] = [];
  readonly logger = silentLogger();
  /** Replaces the trigger's answer (to play a broken endpoint). */
  override?: (res: http.ServerResponse) => void;
  private server?: http.Server;

  constructor(
    private readonly env: TestEnv,
    private readonly triggerKey: string,
    readonly params: Record<string, unknown>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/webhooks/flow-1`;
  }

  get context() {
    return {
      instanceState: this.instanceState,
      crossFlowState: this.crossFlowState,
      webhookUrls: { "Flow 1": this.url },
      logger: this.logger,
    };
  }

  /** Runs a webhook lifecycle handler as the platform does (the built component's webhookCreate / webhookDelete). */
  private async lifecycle(kind: "webhookCreate" | "webhookDelete", params: Record<string, unknown>): Promise<void> {
    const built = (this.env.harness as unknown as { component: { triggers: Record<string, Record<string, LifecycleHandler>> } }).component;
    const handler = built.triggers[this.triggerKey]?.[kind];
    if (!handler) throw new Error(`${this.triggerKey} has no ${kind}`);
    const context = {
      ...this.context,
      executionState: {},
      integrationState: {},
      configVars: {},
      components: {},
      stepId: "stepId",
      executionId: "executionId",
      flow: { id: "flowId", name: "Flow 1", stableId: "flowStableId" },
    };
    this.persist(await handler(context, { ...this.params, ...params }));
  }

  private persist(outcome: Partial<TriggerOutcome> | undefined): void {
    Object.assign(this.instanceState, outcome?.instanceState ?? {});
    Object.assign(this.crossFlowState, outcome?.crossFlowState ?? {});
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.env.emulator.onClose(() => this.close());
    return this;
  }

  deploy(params: Record<string, unknown> = {}): Promise<void> {
    return this.lifecycle("webhookCreate", params);
  }

  remove(): Promise<void> {
    return this.lifecycle("webhookDelete", {});
  }

  /** A scheduled run of the trigger, as the platform starts one: a request carrying prismatic-invoke-type: Scheduled. */
  async scheduled(): Promise<TriggerOutcome> {
    await this.post(undefined, "", { "prismatic-invoke-type": "Scheduled" });
    return this.outcomes[this.outcomes.length - 1];
  }

  /** Posts a body straight to the endpoint, as a caller other than Graph could. */
  async post(
    body: unknown,
    query = "",
    headers: Record<string, string> = {},
  ): Promise<{ status: number; contentType: string | null; text: string }> {
    const response = await fetch(`${this.url}${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.override) {
      this.override(res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", this.url);
    const contentType = String(req.headers["content-type"] ?? "");
    const payload = {
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      queryParameters: Object.fromEntries(url.searchParams),
      rawBody: { data: raw, contentType },
      body: { data: raw.toString("utf8"), contentType },
    };
    try {
      const outcome = (await this.env.harness.trigger(this.triggerKey, payload, this.params, this.context)) as unknown as TriggerOutcome;
      this.outcomes.push(outcome);
      this.persist(outcome);
      const response = outcome.response ?? { statusCode: 200, contentType: "text/plain" };
      res.writeHead(response.statusCode, { "Content-Type": response.contentType });
      res.end(response.body ?? "");
    } catch (error) {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end((error as Error).message);
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await closeServer(server);
  }
}
