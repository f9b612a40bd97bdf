/** `npm run emulator`: the Graph emulator on its own, for trying the component or any Graph client by hand. */
import { startEmulator } from "../emulator";

async function main(): Promise<void> {
  const userCount = Number(process.env.EMULATOR_USERS ?? 200);
  const port = Number(process.env.EMULATOR_PORT ?? 0);
  const emulator = await startEmulator({ userCount, port, logRequests: false });
  const token = emulator.issueToken({}, 24 * 3600);
  console.log(`Graph emulator listening at ${emulator.url} with ${userCount} users`);
  console.log(`  Graph:          ${emulator.url}/v1.0/users`);
  console.log(`  Token endpoint: ${emulator.tokenUrl()}`);
  console.log(`  Tenant:         ${emulator.app.tenantId} (${emulator.app.tenantDomain})`);
  console.log(`  Client ID:      ${emulator.app.clientId}`);
  console.log(`  Client secret:  ${emulator.app.clientSecret}`);
  console.log(`  A 24-hour app token for curl:\n    curl -H "Authorization: Bearer ${token}" '${emulator.url}/v1.0/users?$top=2'`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
