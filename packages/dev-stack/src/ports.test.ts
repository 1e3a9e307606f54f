import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { anyFreePort, choosePort, isPortFree, PortInUseError } from "./ports.ts";

const holders: net.Server[] = [];
afterEach(async () => {
  await Promise.all(holders.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function occupy(): Promise<number> {
  const port = await anyFreePort();
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  holders.push(server);
  return port;
}

describe("choosePort", () => {
  it("refuses a requested port that is taken, naming the variable", async () => {
    const port = await occupy();
    await expect(isPortFree(port)).resolves.toBe(false);
    const attempt = choosePort({ service: "API", envVar: "API_PORT", defaultPort: 4000, env: { API_PORT: String(port) } });
    await expect(attempt).rejects.toThrow(PortInUseError);
    await expect(choosePort({ service: "API", envVar: "API_PORT", defaultPort: 4000, env: { API_PORT: String(port) } })).rejects.toThrow(
      `API_PORT=${port}: port ${port} is already in use`,
    );
  });

  it("refuses a requested value that is not a port", async () => {
    await expect(choosePort({ service: "API", envVar: "API_PORT", defaultPort: 4000, env: { API_PORT: "http" } })).rejects.toThrow(
      /API_PORT=http is not a port number/,
    );
  });

  it("moves past a taken default port and says so", async () => {
    const taken = await occupy();
    const messages: string[] = [];
    const port = await choosePort({ service: "web app", envVar: "WEB_PORT", defaultPort: taken, env: {}, log: (message) => messages.push(message) });
    expect(port).toBeGreaterThan(taken);
    await expect(isPortFree(port)).resolves.toBe(true);
    expect(messages[0]).toContain(`port ${taken} is in use; the web app uses ${port} instead`);
  });
});
