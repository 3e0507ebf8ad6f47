// After `next build` (run in an app's folder): Next's standalone server does not include the static files it serves,
// so they are copied next to it, as Next's documentation asks. Plain JavaScript: it runs in the app's build script.
import { cpSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";

const appDir = process.cwd();
const standalone = path.join(appDir, ".next", "standalone");
if (!existsSync(standalone)) throw new Error(`${standalone} is missing: is output "standalone" set in next.config.ts?`);
// In a monorepo the server sits under the app's path relative to the traced root (e.g. apps/web/server.js).
const serverDir = findServerDir(standalone);
cpSync(path.join(appDir, ".next", "static"), path.join(serverDir, ".next", "static"), { recursive: true });
if (existsSync(path.join(appDir, "public")))
  cpSync(path.join(appDir, "public"), path.join(serverDir, "public"), { recursive: true });

function findServerDir(root) {
  const direct = path.join(root, path.basename(path.dirname(appDir)), path.basename(appDir));
  if (existsSync(path.join(direct, "server.js"))) return direct;
  if (existsSync(path.join(root, "server.js"))) return root;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.name === "server.js" && !entry.parentPath.includes("node_modules")) return entry.parentPath;
  }
  throw new Error(`no server.js under ${root}`);
}
