import net from "node:net";

export class PortInUseError extends Error {
  override name = "PortInUseError";
}

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. */
export function anyFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Picks the port a service listens on. A port the person asked for (through `envVar`) must be
 * free, or this fails with a message naming the variable. Otherwise the default is used when free,
 * and the next free port above it when not (said in the log), so two checkouts never clash.
 */
export async function choosePort(options: {
  service: string;
  envVar: string;
  defaultPort: number;
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
}): Promise<number> {
  const env = options.env ?? process.env;
  const requested = env[options.envVar];
  if (requested !== undefined && requested !== "") {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new PortInUseError(`${options.envVar}=${requested} is not a port number (1-65535).`);
    }
    if (!(await isPortFree(port))) {
      throw new PortInUseError(
        `${options.envVar}=${port}: port ${port} is already in use, so the ${options.service} cannot listen on it. Stop what holds it (e.g. \`ss -ltnp 'sport = :${port}'\`) or choose another ${options.envVar}.`,
      );
    }
    return port;
  }
  for (let port = options.defaultPort; port < options.defaultPort + 100 && port <= 65_535; port++) {
    if (await isPortFree(port)) {
      if (port !== options.defaultPort) {
        options.log?.(`port ${options.defaultPort} is in use; the ${options.service} uses ${port} instead (set ${options.envVar} to choose)`);
      }
      return port;
    }
  }
  return anyFreePort();
}
