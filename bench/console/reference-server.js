// Same-run reference for bench/console: a bare socket.io server that broadcasts what it is told,
// with no authentication, database or queue in between. Prints its port on stdout.
const http = require('node:http');
const { Server } = require('socket.io');

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/emit') return res.writeHead(404).end();
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    // Answer first, then broadcast: like the api, whose 201 precedes the event.
    res.writeHead(201).end(() => io.of('/console').emit('ticket.created', JSON.parse(body)));
  });
});
const io = new Server(server, { transports: ['websocket'] });
io.of('/console');
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
