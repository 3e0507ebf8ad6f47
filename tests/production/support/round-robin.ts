import http from "node:http";

/**
 * The smallest load balancer: one port, each request to the next instance in turn (no stickiness), the Host header
 * kept as the browser sent it. Counts what each instance served, so a test can tell both really took part.
 */
export async function startRoundRobin(
  port: number,
  targets: readonly number[],
): Promise<{ served: number[]; close: () => Promise<void> }> {
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next++ % targets.length;
    served[index] = (served[index] ?? 0) + 1;
    const upstream = http.request(
      { host: "127.0.0.1", port: targets[index], method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
