import { spawnSync } from "node:child_process";

/**
 * Playwright loads its config in the runner and again in every worker, and each must agree on the apps' ports, while
 * the config itself must be synchronous. So a port is chosen once (the preferred one if free, else any free one) by
 * a child Node process, and published in the environment, which workers inherit.
 */
export function choosePort(envName: string, preferred: number): number {
  const fromEnv = process.env[envName];
  if (fromEnv) return Number(fromEnv);
  const probe = `
    const net = require("node:net");
    const listen = (port, next) => {
      const server = net.createServer();
      server.once("error", next);
      server.listen({ port }, () => { const { port: got } = server.address(); server.close(() => console.log(got)); });
    };
    listen(${preferred}, () => listen(0, (error) => { throw error; }));`;
  const result = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  const port = Number(result.stdout.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Could not find a free port: ${result.stderr}`);
  process.env[envName] = String(port);
  return port;
}
