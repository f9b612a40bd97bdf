/**
 * `npm start`: runs the built component (dist/index.js) through spectral's test harness, as an
 * integration would, against the embedded Graph emulator, or against a real tenant when
 * GRAPH_TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET are set (read-only calls only).
 */
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { createConnection, createHarness } from "@prismatic-io/spectral/dist/testing";
import type { Connection } from "@prismatic-io/spectral";
import { X509Certificate } from "node:crypto";
import { EMULATOR_APP_CERTIFICATE, startEmulator, Emulator } from "../emulator";
import { showMail } from "./demoMail";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = require(path.resolve(__dirname, "../dist/index.js")) as { default: Parameters<typeof createHarness>[0] };
const component = built.default;
const harness = createHarness(component);
const quietLogger = { info() {}, debug() {}, log() {}, warn() {}, error() {}, trace() {}, metric() {} };

interface Target {
  label: string;
  graphUrl: string;
  tokenUrl: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  emulator?: Emulator;
}

function line(label: string, text: string): void {
  console.log(`  ${label.padEnd(34)} ${text}`);
}

async function clientCredentialsToken(target: Target): Promise<{ token: string; expiresIn: number }> {
  const response = await fetch(target.tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: target.clientId,
      client_secret: target.clientSecret,
      scope: `${target.graphUrl}/.default`,
    }),
  });
  const body = (await response.json()) as { access_token?: string; expires_in?: number; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`token request failed: ${body.error_description ?? response.status}`);
  return { token: body.access_token, expiresIn: body.expires_in ?? 0 };
}

function clientCredentialsConnection(target: Target, token: string): Connection {
  return createConnection(
    { key: "oauthClientCredentials" } as never,
    {
      baseUrl: target.graphUrl,
      entraIdEndpoint: new URL(target.tokenUrl).origin,
      tenant: target.tenant,
      clientId: target.clientId,
      clientSecret: target.clientSecret,
      scopes: `${target.graphUrl}/.default`,
    },
    { access_token: token },
  );
}

async function step(title: string, run: () => Promise<void>): Promise<void> {
  console.log(`\n▸ ${title}`);
  try {
    await run();
  } catch (error) {
    line("failed", (error as Error).message);
    process.exitCode = 1;
  }
}

function has(key: string): boolean {
  return key in (component.actions ?? {});
}

async function action<T = unknown>(key: string, params: Record<string, unknown>): Promise<T> {
  const result = await harness.action(key, params, { logger: quietLogger });
  return (result as { data: T }).data;
}

async function main(): Promise<void> {
  const tenantId = process.env.GRAPH_TENANT_ID;
  let target: Target;
  if (tenantId && process.env.GRAPH_CLIENT_ID && process.env.GRAPH_CLIENT_SECRET) {
    const graphUrl = process.env.GRAPH_BASE_URL ?? "https://graph.microsoft.com";
    const loginUrl = process.env.GRAPH_LOGIN_URL ?? "https://login.microsoftonline.com";
    target = {
      label: `tenant ${tenantId} (${graphUrl})`,
      graphUrl,
      tokenUrl: `${loginUrl}/${tenantId}/oauth2/v2.0/token`,
      tenant: tenantId,
      clientId: process.env.GRAPH_CLIENT_ID,
      clientSecret: process.env.GRAPH_CLIENT_SECRET,
    };
  } else {
    const emulator = await startEmulator({ userCount: 250, groupCount: 12 });
    target = {
      label: `the embedded Graph emulator at ${emulator.url}`,
      graphUrl: emulator.url,
      tokenUrl: emulator.tokenUrl(emulator.app.tenantDomain),
      tenant: emulator.app.tenantDomain,
      clientId: emulator.app.clientId,
      clientSecret: emulator.app.clientSecret,
      emulator,
    };
  }

  console.log(
    `${component.display.label} component "${component.key}": ${Object.keys(component.actions ?? {}).length} actions, ` +
      `${Object.keys(component.triggers ?? {}).length} triggers, ${Object.keys(component.dataSources ?? {}).length} data sources`,
  );
  console.log(`Running against ${target.label}`);

  let connection: Connection | undefined;
  await step("Connect (OAuth 2.0 client credentials)", async () => {
    const { token, expiresIn } = await clientCredentialsToken(target);
    connection = clientCredentialsConnection(target, token);
    line("token endpoint", target.tokenUrl.replace(target.tenant, "{tenant}"));
    line("access token", `received, expires in ${expiresIn} s (never printed)`);
  });
  if (!connection) return;
  const conn = connection;

  await step("List users across pages", async () => {
    if (has("listUsers")) {
      const data = await action<{ value: { userPrincipalName: string }[]; moreAvailable?: boolean }>("listUsers", {
        connection: conn,
        top: "100",
        fetchAll: "true",
        limit: "230",
      });
      line("listUsers (fetch all, limit 230)", `${data.value.length} users; more available: ${String(data.moreAvailable)}`);
      line("first", data.value[0]?.userPrincipalName ?? "-");
    } else {
      let url = "/users?$top=100&$select=id,userPrincipalName";
      let pages = 0;
      let count = 0;
      while (url && pages < 3) {
        const page = await action<{ value: unknown[]; "@odata.nextLink"?: string }>("rawRequest", { connection: conn, url });
        pages += 1;
        count += page.value.length;
        url = page["@odata.nextLink"] ?? "";
      }
      line("rawRequest + @odata.nextLink", `${count} users in ${pages} pages`);
    }
  });

  await step("Raw Request with an advanced query", async () => {
    const data = await action<{ "@odata.count": number }>("rawRequest", {
      connection: conn,
      url: "/users",
      queryParams: [
        { key: "$filter", value: "endswith(userPrincipalName,'@fabrikam.com')" },
        { key: "$count", value: "true" },
        { key: "$top", value: "1" },
      ],
    });
    line("users @fabrikam.com", `${data["@odata.count"]} (ConsistencyLevel: eventual added for endsWith)`);
  });

  if (target.emulator) {
    const emulator = target.emulator;
    await step("A throttled call that recovers", async () => {
      emulator.faults.throttle(1, "1", "/v1.0/users");
      const started = Date.now();
      await action("rawRequest", { connection: conn, url: "/users", queryParams: [{ key: "$top", value: "1" }] });
      const throttled = emulator.requestsTo("/v1.0/users").slice(-2);
      line("first attempt", "429 Too Many Requests, Retry-After: 1");
      line("second attempt", `200 OK after ${((Date.now() - started) / 1000).toFixed(2)} s (${throttled.length} requests)`);
    });

    await step("Connect with a certificate instead of a client secret", async () => {
      const certificateConnection = createConnection({ key: "certificateCredentials" } as never, {
        baseUrl: emulator.url,
        entraIdEndpoint: emulator.url,
        tenant: emulator.app.tenantId,
        clientId: emulator.app.clientId,
        certificate: EMULATOR_APP_CERTIFICATE.privateKey.replace(/\n/g, "\\n"),
        certificateThumbprint: new X509Certificate(EMULATOR_APP_CERTIFICATE.certificate).fingerprint.replace(/:/g, ""),
        publicCertificate: EMULATOR_APP_CERTIFICATE.certificate,
        scopes: "https://graph.microsoft.com/.default",
      });
      const before = emulator.requestsTo("/oauth2/v2.0/token").length;
      await Promise.all(Array.from({ length: 5 }, () => action("rawRequest", { connection: certificateConnection, url: "/organization" })));
      const assertion = new URLSearchParams(emulator.requestsTo("/oauth2/v2.0/token").at(-1)?.body).get("client_assertion") ?? "";
      line("client assertion header", Buffer.from(assertion.split(".")[0] ?? "", "base64url").toString("utf8"));
      line(
        "5 concurrent actions",
        `${emulator.requestsTo("/oauth2/v2.0/token").length - before} token request (key pasted with literal \\n)`,
      );
    });

    await step("A foreign URL is refused before any request", async () => {
      const before = emulator.requests.length;
      try {
        await action("rawRequest", { connection: conn, url: "https://attacker.example/v1.0/users" });
        line("unexpected", "the request was sent");
      } catch (error) {
        line("refused", (error as Error).message);
        line("requests sent", String(emulator.requests.length - before));
      }
    });
  }

  if (target.emulator) await showPermissionHint(target, target.emulator);
  await showTypedActions(conn, target.emulator);
  if (target.emulator && has("createList")) await showSharePointAndFiles(conn, target.emulator);
  if (target.emulator && has("sendMail"))
    await showMail({ harness, connection: conn, emulator: target.emulator, step, line, logger: quietLogger });
  if (target.emulator) await target.emulator.close();
  console.log(process.exitCode ? "\nDemo finished with failures." : "\nDemo finished.");
}

/** A few of the typed actions, where this build has them. Writes happen only against the emulator. */
async function showTypedActions(conn: Connection, emulator?: Emulator): Promise<void> {
  const sample = await action<{ value: { id: string; userPrincipalName: string }[] }>("rawRequest", {
    connection: conn,
    url: "/users",
    queryParams: [
      { key: "$select", value: "id,userPrincipalName" },
      { key: "$top", value: "45" },
    ],
  });
  if (has("getUsersByIds")) {
    await step("getUsersByIds (JSON batching)", async () => {
      const before = emulator?.requestsTo("/$batch").length ?? 0;
      const refs = sample.value.map((u, i) => (i % 2 ? u.userPrincipalName : u.id));
      const data = await action<{ value: unknown[]; notFound: string[] }>("getUsersByIds", { connection: conn, users: refs });
      const calls = emulator ? ` in ${emulator.requestsTo("/$batch").length - before} $batch calls` : "";
      line(`${refs.length} ids and UPNs`, `${data.value.length} users found${calls}, ${data.notFound.length} not found`);
    });
  }
  if (has("usersDelta")) {
    await step("usersDelta: a full round, then only what changed", async () => {
      const first = await action<{ value: unknown[]; "@odata.deltaLink": string; pages: number }>("usersDelta", { connection: conn });
      line("first round", `${first.value.length} users in ${first.pages} pages, delta link saved`);
      const target = sample.value[0];
      if (emulator && target && has("updateUser")) {
        await action("updateUser", { connection: conn, userId: target.id, jobTitle: "Head of Demos" });
        const next = await action<{ value: { id: string; jobTitle?: string }[] }>("usersDelta", {
          connection: conn,
          deltaLink: first["@odata.deltaLink"],
        });
        line("after updateUser", `${next.value.length} change: ${next.value.map((u) => u.id).join(", ")}`);
      }
    });
  }
  if (has("listDirectoryAudits")) {
    await step("listDirectoryAudits with a checkpoint", async () => {
      const first = await action<{ value: unknown[]; checkpoint: string }>("listDirectoryAudits", {
        connection: conn,
        fetchAll: "true",
        limit: "500",
      });
      line("events", `${first.value.length}, oldest first; checkpoint ${first.checkpoint.slice(0, 24)}…`);
      const again = await action<{ value: unknown[] }>("listDirectoryAudits", { connection: conn, checkpoint: first.checkpoint });
      line("from the checkpoint", `${again.value.length} new events (none repeated)`);
    });
  }
  if (has("getUsageReport")) {
    await step("getUsageReport (CSV download, followed without the token)", async () => {
      const data = await action<{ rows: Record<string, string>[] }>("getUsageReport", {
        connection: conn,
        report: "getOffice365ActiveUserDetail",
        period: "D7",
      });
      line(
        "Office 365 active users, D7",
        `${data.rows.length} rows; columns: ${Object.keys(data.rows[0] ?? {})
          .slice(0, 4)
          .join(", ")}, …`,
      );
    });
  }
  if (has("getOrganization")) {
    await step("getOrganization", async () => {
      const { value } = await action<{ value: { displayName: string; verifiedDomains: { name: string }[] }[] }>("getOrganization", {
        connection: conn,
      });
      for (const org of value) line("tenant", `${org.displayName}; domains: ${org.verifiedDomains.map((d) => d.name).join(", ")}`);
    });
  }
  if (has("listSubscribedSkus")) {
    await step("listSubscribedSkus", async () => {
      const data = await action<{ value: { skuPartNumber: string; consumedUnits: number; prepaidUnits: { enabled: number } }[] }>(
        "listSubscribedSkus",
        { connection: conn },
      );
      for (const sku of data.value.slice(0, 5)) line(sku.skuPartNumber, `${sku.consumedUnits} of ${sku.prepaidUnits.enabled} assigned`);
    });
  }
  if (has("listGroups")) {
    await step("listGroups", async () => {
      const data = await action<{ value: { displayName: string }[] }>("listGroups", { connection: conn, top: "5" });
      line("first groups", data.value.map((g) => g.displayName).join(", "));
    });
  }
}

/** An app granted only User.Read.All: a 403 that names what to grant, then Check Connection's summary. */
async function showPermissionHint(target: Target, emulator: Emulator): Promise<void> {
  await step("A 403 that names what to grant", async () => {
    emulator.tokens.grantAppRoles(target.clientId, ["User.Read.All"]);
    const { token } = await clientCredentialsToken(target).finally(() => emulator.tokens.grantAppRoles(target.clientId, undefined));
    const connection = clientCredentialsConnection(target, token);
    try {
      await action("listGroups", { connection, top: "1" });
      line("unexpected", "the call was allowed");
    } catch (error) {
      const [graph, hint = ""] = (error as Error).message.split("\n");
      line("Graph said", graph.replace(/ \(GET .*$/, ""));
      for (const sentence of hint.split(/(?<=\.) (?=[A-Z])/)) line("the component adds", sentence);
    }
    const check = await action<{ roles: string[]; missing: string[] }>("checkConnection", { connection });
    line(
      "checkConnection",
      `roles ${check.roles.join(", ")}; ${check.missing.length} actions, triggers and data sources lack a permission`,
    );
    line("e.g.", check.missing.slice(0, 6).join(", "));
  });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

/** A list with typed columns and items, then a large file up through an upload session and back down. Emulator only. */
async function showSharePointAndFiles(conn: Connection, emulator: Emulator): Promise<void> {
  await step("SharePoint list with typed columns", async () => {
    const site = await action<{ id: string; webUrl: string }>("getSite", {
      connection: conn,
      hostname: "https://contoso.sharepoint.com/sites/integrations",
    });
    line("getSite (pasted URL)", site.webUrl);
    const columns = [
      { name: "Status", choice: { choices: ["Open", "Done"] }, indexed: true },
      { name: "Amount", currency: { locale: "en-us" }, validation: { formula: "=[Amount]>=0" } },
      { name: "Due", dateTime: { format: "dateOnly" } },
    ];
    const list = await action<{ id: string; columns: unknown[] }>("createList", {
      connection: conn,
      siteId: site.id,
      displayName: "Invoices",
      columns: JSON.stringify(columns),
    });
    line("createList", `Invoices with ${list.columns.length} columns (choice, currency, dateTime + built-ins)`);
    for (const [title, status, amount] of [
      ["INV-1", "Open", 120],
      ["INV-2", "Done", 80],
      ["INV-3", "Open", 45],
    ] as const) {
      await action("createListItem", {
        connection: conn,
        siteId: site.id,
        listId: list.id,
        fields: JSON.stringify({ Title: title, Status: status, Amount: amount }),
      });
    }
    const open = await action<{ value: unknown[] }>("listListItems", {
      connection: conn,
      siteId: site.id,
      listId: list.id,
      filter: "fields/Status eq 'Open'",
      select: "Title,Amount",
    });
    line("listListItems (indexed Status)", `${open.value.length} open invoices`);
  });

  await step("Large file up through an upload session and back", async () => {
    const site = await action<{ id: string }>("getSite", {
      connection: conn,
      hostname: "contoso.sharepoint.com",
      sitePath: "sites/integrations",
    });
    const drives = await action<{ value: { id: string }[] }>("listDrives", { connection: conn, siteId: site.id });
    const driveId = drives.value[0]?.id;
    const content = randomBytes(12 * 1024 * 1024);
    const before = emulator.preAuth.requests.length;
    const item = await action<{ id: string; size: number }>("uploadFile", {
      connection: conn,
      driveId,
      folder: "/Reports",
      fileName: "export.bin",
      file: { data: content, contentType: "application/octet-stream" },
      chunkSizeKiB: "5120",
    });
    const hostRequests = emulator.preAuth.requests.slice(before);
    const withToken = hostRequests.filter((r) => r.headers.authorization !== undefined).length;
    line("uploadFile (12 MiB, 5 MiB chunks)", `${item.size} bytes in ${hostRequests.length} chunk requests, ${withToken} carrying a token`);
    const result = (await harness.action("downloadFile", { connection: conn, driveId, itemId: item.id }, { logger: quietLogger })) as {
      data: Buffer;
    };
    const same = createHash("sha256").update(result.data).digest("hex") === createHash("sha256").update(content).digest("hex");
    line("downloadFile (pre-authenticated URL)", `${result.data.length} bytes, identical: ${String(same)}`);
  });
}
