'use strict';
// Process plumbing shared by the test servers: bind, announce the port, stop when told to.
const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');

// Returns the value after `--name` in argv, or `fallback`.
function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  if (i + 1 >= args.length) throw new Error(`--${name} needs a value`);
  return args[i + 1];
}

function stdinIsPipe() {
  try {
    const stat = fs.fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

// Binds to 127.0.0.1:port (0 = any free port), prints "LISTENING <port>", and exits 0 on
// SIGTERM, SIGINT or end of stdin.
function serve(server, port) {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Open calls (e.g. Health.Watch) would hold a graceful shutdown forever, so bound it.
    const force = setTimeout(() => {
      server.forceShutdown();
      process.exit(0);
    }, 1000);
    server.tryShutdown(() => {
      clearTimeout(force);
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Only a pipe or socket means a parent is holding stdin; /dev/null or a file would end at once.
  if (stdinIsPipe()) {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }

  server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, boundPort) => {
    if (err) {
      process.stderr.write(`bind failed: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`LISTENING ${boundPort}\n`);
  });
}

module.exports = { option, serve };
