// The reference server for `npm run bench:load`: @y/websocket-server's own connection handler
// (no auth, no write gate, no persistence), plus the same event-loop delay measure Setboard's
// /metrics uses, read at GET /loop (p99 in seconds since the previous read, which resets it).
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 1234);
// prom-client's default resolution, so both servers are measured alike.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((request, response) => {
  if (request.url === '/loop') {
    const p99 = loop.percentile(99) / 1e9;
    loop.reset();
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end(String(p99));
    return;
  }
  response.writeHead(404).end();
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`reference ready on ${port}\n`));
