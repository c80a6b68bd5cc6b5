'use strict';
// grpc-js peer implementing vigil.interop.v1.Interop and grpc.health.v1.Health, for Vigil's client tests.
// Usage: node interop-server.js [--port N]
// Prints "LISTENING <port>", then "CANCELLED <Method>" for every call the client cancels.
const { once } = require('node:events');
const grpc = require('@grpc/grpc-js');
const { interop, health } = require('./lib/protos');
const { option, serve } = require('./lib/serve');

const SERVING_NAMES = new Set(['', 'vigil.interop.v1.Interop']);

// grpc-js fires 'cancelled' after every call, including ones that ended normally, so only a
// cancellation that arrives while the handler is still running counts (a client's RST_STREAM, or a
// deadline that expired). Handlers set call.ended when they hand grpc-js the final status.
function track(call, method) {
  call.ended = false;
  call.on('cancelled', () => {
    if (!call.ended) process.stdout.write(`CANCELLED ${method}\n`);
  });
}

// Resolves true after `ms`, or false as soon as the call is cancelled.
function sleep(ms, call) {
  return new Promise((resolve) => {
    if (call.cancelled) return resolve(false);
    const onCancel = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      call.off('cancelled', onCancel);
      resolve(true);
    }, ms);
    call.once('cancelled', onCancel);
  });
}

const failure = (req) => ({ code: req.fail_code, details: req.fail_message });
const echo = (req, authorization = '') => ({
  text: req.text,
  sequence: req.sequence,
  payload: req.payload,
  authorization,
});

// Ends a streaming-response call with an error status.
function fail(call, status) {
  call.ended = true;
  call.emit('error', status);
}

function finish(call) {
  call.ended = true;
  call.end();
}

// Awaits 'drain' when write() reports a full buffer, so a slow reader slows this writer.
async function write(call, message) {
  if (!call.write(message)) await once(call, 'drain');
}

const interopHandlers = {
  async Unary(call, callback) {
    track(call, 'Unary');
    const req = call.request;
    if (req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
    call.ended = true;
    if (req.fail_code !== 0) return callback(failure(req));
    const authorization = call.metadata.get('authorization')[0] ?? '';
    callback(null, echo(req, String(authorization)));
  },

  async ServerStream(call) {
    track(call, 'ServerStream');
    const req = call.request;
    try {
      for (let i = 0; i < req.count; i++) {
        if (i > 0 && req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
        if (call.cancelled) return;
        await write(call, { text: req.text, sequence: i });
      }
    } catch {
      return; // a write failed, so grpc-js has already ended the call
    }
    if (req.fail_code !== 0) fail(call, failure(req));
    else finish(call);
  },

  ClientStream(call, callback) {
    track(call, 'ClientStream');
    let count = 0;
    let text = '';
    let firstFailure = null;
    const payloads = [];
    call.on('data', (req) => {
      count++;
      text = req.text;
      payloads.push(req.payload);
      if (req.fail_code !== 0 && !firstFailure) firstFailure = failure(req);
    });
    call.on('end', () => {
      if (call.cancelled) return;
      call.ended = true;
      if (firstFailure) return callback(firstFailure);
      callback(null, { text, sequence: count, payload: Buffer.concat(payloads) });
    });
  },

  Bidi(call) {
    track(call, 'Bidi');
    // Requests are handled strictly in order; reading pauses while one is in progress, so a
    // delay or a full write buffer pushes back on the client.
    let chain = Promise.resolve();
    const enqueue = (step) => {
      chain = chain
        .then(() => (call.ended || call.cancelled ? undefined : step()))
        .catch(() => {
          call.ended = true; // a write failed, so grpc-js has already ended the call
        });
    };
    call.on('data', (req) => {
      call.pause();
      enqueue(async () => {
        if (req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
        if (req.fail_code !== 0) return fail(call, failure(req));
        await write(call, echo(req));
        call.resume();
      });
    });
    call.on('end', () => enqueue(() => finish(call)));
  },
};

const healthHandlers = {
  Check(call, callback) {
    track(call, 'Check');
    const { service } = call.request;
    call.ended = true;
    if (!SERVING_NAMES.has(service)) {
      return callback({ code: grpc.status.NOT_FOUND, details: `unknown service "${service}"` });
    }
    callback(null, { status: 'SERVING' });
  },

  // Statuses never change in this server, so Watch sends one update and then idles until cancelled.
  Watch(call) {
    track(call, 'Watch');
    call.write({ status: SERVING_NAMES.has(call.request.service) ? 'SERVING' : 'SERVICE_UNKNOWN' });
  },
};

function main() {
  const port = Number(option(process.argv.slice(2), 'port', '0'));
  const server = new grpc.Server();
  server.addService(interop.Interop.service, interopHandlers);
  server.addService(health.Health.service, healthHandlers);
  serve(server, port);
}

main();
