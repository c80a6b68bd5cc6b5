'use strict';
// grpc-js peer implementing vigil.interop.v1.Interop and grpc.health.v1.Health, for Vigil's client tests.
// Usage: node interop-server.js [--port N]
const { once } = require('node:events');
const grpc = require('@grpc/grpc-js');
const { interop, health } = require('./lib/protos');
const { option, serve } = require('./lib/serve');

const SERVING_NAMES = new Set(['', 'vigil.interop.v1.Interop']);

// grpc-js also fires 'cancelled' once a call has completed normally, so only report calls
// that were still running; `done` marks the ones this server already finished.
function track(call, method) {
  call.done = false;
  call.on('cancelled', () => {
    if (!call.done) process.stdout.write(`CANCELLED ${method}\n`);
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

// node's http2 reports a client's RST_STREAM as end of input first and as cancellation a moment
// later, so give the cancellation a turn to arrive before treating the end as a half-close.
function onHalfClose(call, handler) {
  call.on('end', () =>
    setImmediate(() => {
      if (!call.cancelled) handler();
    })
  );
}

// Ends a streaming call with an error status unless it already ended.
function fail(call, status) {
  call.done = true;
  call.emit('error', status);
}

function finish(call) {
  call.done = true;
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
    call.done = true;
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
      return; // the call already failed; grpc-js has sent its status
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
    onHalfClose(call, () => {
      call.done = true;
      if (firstFailure) return callback(firstFailure);
      callback(null, { text, sequence: count, payload: Buffer.concat(payloads) });
    });
  },

  Bidi(call) {
    track(call, 'Bidi');
    // Requests are handled strictly in order; reading pauses while one is in progress, so a
    // delay or a full write buffer pushes back on the client.
    let over = false;
    let chain = Promise.resolve();
    const enqueue = (step) => {
      chain = chain
        .then(() => (over || call.cancelled ? undefined : step()))
        .catch(() => {
          over = true; // a failed write means the call is over; grpc-js reports its status
        });
    };
    call.on('data', (req) => {
      call.pause();
      enqueue(async () => {
        if (req.delay_ms > 0 && !(await sleep(req.delay_ms, call))) return;
        if (req.fail_code !== 0) {
          over = true;
          return fail(call, failure(req));
        }
        await write(call, echo(req));
        call.resume();
      });
    });
    onHalfClose(call, () => enqueue(() => finish(call)));
  },
};

const healthHandlers = {
  Check(call, callback) {
    track(call, 'Check');
    call.done = true;
    if (!SERVING_NAMES.has(call.request.service)) {
      return callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${call.request.service}` });
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
