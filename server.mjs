// The production server (`npm start`): Next.js behind Node's own HTTP server, which records each connection's
// address in a header the app trusts, overwriting whatever a client sent. Next.js gives route handlers no other way
// to see the peer's address, and the per-client rate limit needs it (lib/api/client-address.ts).
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";

// Tells the app that the peer header below is set by this process, for every request: only then is it trusted.
process.env.RCA_PEER_ADDRESS_HEADER = "x-rca-peer-address";

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  request.headers["x-rca-peer-address"] = request.socket.remoteAddress ?? "";
  void handle(request, response);
}).listen(port, hostname, () => {
  process.stdout.write(`${JSON.stringify({ level: "info", time: new Date().toISOString(), msg: `ready on http://${hostname}:${port}` })}\n`);
});
